#version 430 core
// Full-screen triangle for the map canvas background; no vertex buffer needed
// (positions come from gl_VertexID), so the pass works before any geometry is loaded.
out vec2 v_uv;

void main()
{
    vec2 pos = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    v_uv = pos;
    gl_Position = vec4(pos * 2.0 - 1.0, 0.0, 1.0);
}
