#include "ui/texts/texts.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace vak::ui {
namespace {

void ExpectComplete(Language language, const char* name)
{
    std::set<int> seen;
    for (const TextEntry& entry : TextTable(language)) {
        const int id = static_cast<int>(entry.id);
        EXPECT_TRUE(id >= 0 && id < kTextCount) << name << ": id out of range " << id;
        EXPECT_TRUE(seen.insert(id).second) << name << ": id " << id << " appears twice";
        EXPECT_TRUE(entry.text && *entry.text) << name << ": id " << id << " has an empty text";
    }
    for (int id = 0; id < kTextCount; ++id)
        EXPECT_TRUE(seen.count(id)) << name << ": id " << id << " has no text";
}

TEST(Texts, DutchTableHasEveryIdOnce)
{
    ExpectComplete(Language::Dutch, "nl");
}

TEST(Texts, EnglishTableHasEveryIdOnce)
{
    ExpectComplete(Language::English, "en");
}

TEST(Texts, TrFollowsTheLanguageSwitch)
{
    SetLanguage(Language::Dutch);
    EXPECT_STREQ(Tr(TextId::panel_map_title), "Kaart");
    SetLanguage(Language::English);
    EXPECT_STREQ(Tr(TextId::panel_map_title), "Map");
    SetLanguage(Language::Dutch);
}

TEST(Texts, LanguageCodesRoundTrip)
{
    EXPECT_EQ(LanguageFromCode("en"), Language::English);
    EXPECT_EQ(LanguageFromCode("nl"), Language::Dutch);
    EXPECT_EQ(LanguageFromCode(nullptr), Language::Dutch);
    EXPECT_STREQ(LanguageCode(Language::English), "en");
    EXPECT_STREQ(LanguageCode(Language::Dutch), "nl");
}

TEST(Texts, NoTextContainsTheImGuiIdSeparator)
{
    // "##" in a translated text would silently change or hide a widget's label.
    for (Language language : {Language::Dutch, Language::English})
        for (const TextEntry& entry : TextTable(language))
            EXPECT_EQ(std::string(entry.text).find("##"), std::string::npos) << entry.text;
}

} // namespace
} // namespace vak::ui
