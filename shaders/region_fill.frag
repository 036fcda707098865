#version 430 core
// Fill colour per region from a storage buffer that changes when the data or the colouring
// changes; the geometry never changes after upload. Selection and hover are tints on top.
flat in uint v_feature;

layout(std430, binding = 0) readonly buffer FeatureColors { uint colors[]; };  // RGBA8, R in the low byte
// bit 0 selected, bit 1 hovered, bit 2 value unknown (only "<5"): hatched, so it never reads as a class
layout(std430, binding = 1) readonly buffer FeatureStates { uint states[]; };

uniform vec4 u_selected_tint; // rgb colour, a = strength
uniform vec4 u_hover_tint;

out vec4 frag_color;

void main()
{
    vec4 color = unpackUnorm4x8(colors[v_feature]);
    uint state = states[v_feature];
    if ((state & 4u) != 0u && mod(gl_FragCoord.x + gl_FragCoord.y, 9.0) < 3.0)
        color.rgb = mix(color.rgb, vec3(0.25), 0.8);
    if ((state & 1u) != 0u)
        color.rgb = mix(color.rgb, u_selected_tint.rgb, u_selected_tint.a);
    if ((state & 2u) != 0u)
        color.rgb = mix(color.rgb, u_hover_tint.rgb, u_hover_tint.a);
    frag_color = color;
}
