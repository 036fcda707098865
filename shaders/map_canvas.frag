#version 430 core
// Map canvas background: a quiet vertical gradient with a faint grid every u_grid_px pixels
// (no grid when u_grid_px is 0),
// so an empty map reads as "map area" on a projector without competing with the regions
// that will be drawn on top.
in vec2 v_uv;
out vec4 frag_color;

uniform vec3 u_top_color;
uniform vec3 u_bottom_color;
uniform vec3 u_grid_color;
uniform float u_grid_px;

void main()
{
    vec3 color = mix(u_bottom_color, u_top_color, v_uv.y);
    if (u_grid_px > 0.0) {
        vec2 cell = mod(gl_FragCoord.xy, u_grid_px);
        float on_line = step(cell.x, 1.0) + step(cell.y, 1.0);
        color = mix(color, u_grid_color, clamp(on_line, 0.0, 1.0) * 0.5);
    }
    frag_color = vec4(color, 1.0);
}
