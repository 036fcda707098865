#version 430 core
// Two passes over the outlines: pass 0 draws every boundary in the base colour, pass 1 redraws
// only hovered or selected regions in the emphasis colour, on top of their neighbours' lines.
flat in uint v_feature;

layout(std430, binding = 1) readonly buffer FeatureStates { uint states[]; };

uniform vec4 u_color;
uniform int u_emphasis_pass;

out vec4 frag_color;

void main()
{
    if (u_emphasis_pass != 0 && states[v_feature] == 0u)
        discard;
    frag_color = u_color;
}
