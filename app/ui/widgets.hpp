// Small widgets shared by several panels.
#pragma once

struct ImFont;

namespace vak::ui {

// A framed card with a heading and a wrapped explanation in the muted text colour: marks a
// place in the layout where a feature will appear, and says what it will show.
void DrawComingCard(const char* id, ImFont* heading_font, const char* heading, const char* text, float height);

// Heading text in the heading font.
void DrawHeading(ImFont* heading_font, const char* text);

} // namespace vak::ui
