// The notice the dashboard shows in the frame before it opens a view from the File menu: the
// file's name (not its folders) in the interface's language.
#include "ui/file_actions.hpp"

#include "ui/texts/texts.hpp"

#include <gtest/gtest.h>

#include <string>

namespace vak::ui {
namespace {

TEST(LoadingNotice, NamesTheFileWithoutItsFoldersInTheInterfacesLanguage)
{
    const Language before = CurrentLanguage();
    SetLanguage(Language::Dutch);
    EXPECT_EQ(LoadingNotice("/home/planner/weergaven/krimp-limburg.json"), "Laden: krimp-limburg.json\xE2\x80\xA6");
    EXPECT_EQ(LoadingNotice("weergave.json"), "Laden: weergave.json\xE2\x80\xA6");
    SetLanguage(Language::English);
    EXPECT_EQ(LoadingNotice("views/krimp.json"), "Loading: krimp.json\xE2\x80\xA6");
    // A name ending in a slash has no file name: the whole of it, rather than nothing.
    EXPECT_EQ(LoadingNotice("views/"), "Loading: views/\xE2\x80\xA6");
    SetLanguage(before);
}

} // namespace
} // namespace vak::ui
