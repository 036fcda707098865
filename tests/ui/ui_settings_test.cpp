#include "ui/ui_settings.hpp"

#include <gtest/gtest.h>

namespace vak::ui {
namespace {

TEST(UiScaleSteps, StepUpAndDownWithinTheRange)
{
    EXPECT_EQ(NextUiScaleStep(100, +1), 125);
    EXPECT_EQ(NextUiScaleStep(125, -1), 100);
    EXPECT_EQ(NextUiScaleStep(300, +1), 300);
    EXPECT_EQ(NextUiScaleStep(100, -1), 100);
    EXPECT_EQ(NextUiScaleStep(160, +1), 175) << "between steps: to the next step up";
    EXPECT_EQ(NextUiScaleStep(160, -1), 150);
    EXPECT_EQ(NextUiScaleStep(200, 0), 200);
}

TEST(UiSettings, ScaleIsAFraction)
{
    UiSettings settings;
    settings.scale_percent = 250;
    EXPECT_FLOAT_EQ(settings.Scale(), 2.5f);
}

} // namespace
} // namespace vak::ui
