// Settings of the interface itself: language, scale and font. Projectors in large rooms need
// 200-300 %; the scale rebuilds the font atlas at the new size so text stays sharp.
#pragma once

#include "ui/texts/texts.hpp"

#include <string>

namespace vak::ui {

inline constexpr int kUiScaleSteps[] = {100, 125, 150, 175, 200, 250, 300};

struct UiSettings {
    Language language = Language::Dutch;
    int scale_percent = 100; // kUiScaleSteps[0] .. kUiScaleSteps[last]
    std::string font_file;   // resolved TrueType file

    float Scale() const { return static_cast<float>(scale_percent) / 100.0f; }
};

// The next step up (direction > 0) or down (direction < 0) from `current`, clamped to the
// range; a value between two steps moves to the neighbouring step.
int NextUiScaleStep(int current, int direction);

} // namespace vak::ui
