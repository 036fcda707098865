#version 430 core
// Region geometry, shared by the fill (triangles) and outline (line segments) programs.
// Positions are relative to the layer's mesh origin so floats keep centimetre precision; the
// feature index selects the region's colour and state.
layout(location = 0) in vec2 a_position;
layout(location = 1) in uint a_feature;

uniform mat4 u_clip_from_local;

flat out uint v_feature;

void main()
{
    v_feature = a_feature;
    gl_Position = u_clip_from_local * vec4(a_position, 0.0, 1.0);
}
