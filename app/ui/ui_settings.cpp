#include "ui/ui_settings.hpp"

#include <iterator>

namespace vak::ui {

int NextUiScaleStep(int current, int direction)
{
    if (direction > 0) {
        for (int step : kUiScaleSteps)
            if (step > current)
                return step;
        return std::end(kUiScaleSteps)[-1];
    }
    if (direction < 0) {
        for (auto it = std::rbegin(kUiScaleSteps); it != std::rend(kUiScaleSteps); ++it)
            if (*it < current)
                return *it;
        return kUiScaleSteps[0];
    }
    return current;
}

} // namespace vak::ui
