#include "ui/texts/texts.hpp"

#include <array>
#include <cstring>

namespace vak::ui {

// Defined in texts_nl.cpp and texts_en.cpp.
std::span<const TextEntry> TextsNl();
std::span<const TextEntry> TextsEn();

namespace {

using Lookup = std::array<const char*, kTextCount>;

// Indexed by id once, so Tr() is an array read. A missing entry shows its id's number in
// brackets rather than crashing; the texts test makes sure none is missing.
Lookup BuildLookup(std::span<const TextEntry> table)
{
    Lookup lookup{};
    for (const TextEntry& e : table)
        if (static_cast<int>(e.id) >= 0 && static_cast<int>(e.id) < kTextCount)
            lookup[static_cast<int>(e.id)] = e.text;
    return lookup;
}

const Lookup& LookupFor(Language language)
{
    static const Lookup nl = BuildLookup(TextsNl());
    static const Lookup en = BuildLookup(TextsEn());
    return language == Language::English ? en : nl;
}

Language g_language = Language::Dutch;

} // namespace

void SetLanguage(Language language)
{
    g_language = language;
}

Language CurrentLanguage()
{
    return g_language;
}

const char* Tr(TextId id)
{
    return TrIn(id, g_language);
}

const char* TrIn(TextId id, Language language)
{
    const int index = static_cast<int>(id);
    const char* text = (index >= 0 && index < kTextCount) ? LookupFor(language)[index] : nullptr;
    return text ? text : "[?]";
}

std::span<const TextEntry> TextTable(Language language)
{
    return language == Language::English ? TextsEn() : TextsNl();
}

Language LanguageFromCode(const char* code)
{
    return (code && std::strcmp(code, "en") == 0) ? Language::English : Language::Dutch;
}

const char* LanguageCode(Language language)
{
    return language == Language::English ? "en" : "nl";
}

} // namespace vak::ui
