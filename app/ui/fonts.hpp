// The interface font: a system TrueType font (DejaVu Sans or Noto Sans, found through
// fontconfig) rasterised by FreeType (imgui_freetype), rebuilt at every UI scale change.
#pragma once

#include <string>

struct ImFont;

namespace vak::ui {

struct UiFonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr; // panel titles and chart headings, ~1.2x body
};

inline constexpr float kBodyFontPx = 16.0f; // at 100 %

// `explicit_file` (from --font) when given and readable; else the first of DejaVu Sans,
// Noto Sans, any scalable sans-serif that fontconfig knows. Throws core::InputError naming the
// file or the missing package.
std::string FindUiFontFile(const std::string& explicit_file);

// Clears and rebuilds the current ImGui context's font atlas at `scale` (1.0 = 100 %).
// The renderer's font texture must be recreated afterwards. Throws core::InputError when the
// file is not a font FreeType can read.
UiFonts BuildUiFonts(const std::string& font_file, float scale);

} // namespace vak::ui
