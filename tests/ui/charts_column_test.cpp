// The charts column at a large interface scale: cards keep the height they need to be read and
// the column scrolls, instead of squashing the scatter to a strip (175 % on 1920x1080).
#include "support/demo_dashboard_fixture.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string_view>

namespace vak::ui {
namespace {

class ChartsColumnTest : public test::DemoDashboardTest {
protected:
    bool StartAt(int scale_percent, core::ImageSize size = {1920, 1080})
    {
        core::CommonOptions options = test::HeadlessOptions();
        options.ui_scale_percent = scale_percent;
        if (!StartDemo(size, options))
            return false;
        m_dashboard->Frames(3);
        return true;
    }

    // A card of the charts column: ImGui names child windows "<parent>/<id>_<hash>".
    static const ImGuiWindow* Card(std::string_view id)
    {
        const std::string part = "/" + std::string(id) + "_";
        for (const ImGuiWindow* window : GImGui->Windows)
            if (window->ParentWindow && std::string_view(window->Name).find(part) != std::string_view::npos &&
                std::string_view(window->Name).find("###charts") != std::string_view::npos && window->Active)
                return window;
        return nullptr;
    }

    static const ImGuiWindow* Column() { return ImGui::FindWindowByName("###charts"); }

    // The three cards are there and each has at least the lines it needs to be read (time chart
    // 11, middle card 10 with its tabs, table 7). Returns the table's card.
    static const ImGuiWindow* ExpectCardsKeepTheirLines()
    {
        const ImGuiWindow* time = Card("timeseries");
        const ImGuiWindow* scatter = Card("scatter");
        const ImGuiWindow* table = Card("regions");
        if (!time || !scatter || !table) {
            ADD_FAILURE() << "a card of the charts column is missing";
            return nullptr;
        }
        const float line = ImGui::GetTextLineHeightWithSpacing();
        EXPECT_GE(time->Size.y, 11.0f * line - 1.0f);
        EXPECT_GE(scatter->Size.y + ImGui::GetFrameHeightWithSpacing(), 10.0f * line - 1.0f);
        EXPECT_GE(table->Size.y, 7.0f * line - 1.0f);
        return table;
    }
};

TEST_F(ChartsColumnTest, At175PercentTheCardsKeepTheirLinesAndTheColumnScrolls)
{
    if (!StartAt(175))
        return;
    // Before: the shares of the column left the scatter about 5 lines (its plot some 20 px).
    const ImGuiWindow* table = ExpectCardsKeepTheirLines();
    ASSERT_NE(table, nullptr);
    // More than fits: the column scrolls, and the table lies below its bottom edge until it does.
    ASSERT_NE(Column(), nullptr);
    EXPECT_GT(Column()->ScrollMax.y, 0.0f);
    EXPECT_GT(table->Rect().Max.y, Column()->InnerRect.Max.y);
}

TEST_F(ChartsColumnTest, At100PercentTheThreeCardsShareTheColumnWithoutScrolling)
{
    if (!StartAt(100))
        return;
    ASSERT_TRUE(Card("timeseries") && Card("scatter") && Card("regions"));
    ASSERT_NE(Column(), nullptr);
    EXPECT_EQ(Column()->ScrollMax.y, 0.0f);
    EXPECT_LE(Card("regions")->Rect().Max.y, Column()->InnerRect.Max.y + 1.0f);
}

// On 800 lines the shares alone would leave the middle card short of its lines: it takes them
// from the table's room, and the three still fit without scrolling.
TEST_F(ChartsColumnTest, OnASmallScreenACardShortOfLinesTakesThemFromTheOthers)
{
    if (!StartAt(100, {1280, 800}))
        return;
    const ImGuiWindow* table = ExpectCardsKeepTheirLines();
    ASSERT_NE(table, nullptr);
    ASSERT_NE(Column(), nullptr);
    EXPECT_EQ(Column()->ScrollMax.y, 0.0f);
    EXPECT_LE(table->Rect().Max.y, Column()->InnerRect.Max.y + 1.0f);
}

} // namespace
} // namespace vak::ui
