// Interface texts in Dutch (default) and English. Tr() returns the text for the current
// language; switching language takes effect on the next frame. Widgets whose label is
// translated use "###id" so their ImGui state survives a switch.
#pragma once

#include "ui/texts/text_id.hpp"

#include <span>

namespace vak::ui {

enum class Language { Dutch, English };

struct TextEntry {
    TextId id;
    const char* text;
};

void SetLanguage(Language language);
Language CurrentLanguage();
const char* Tr(TextId id);
// The text in a given language, whatever the current one (widgets told their language).
const char* TrIn(TextId id, Language language);

// The raw table of a language (for the completeness test).
std::span<const TextEntry> TextTable(Language language);

// "nl" / "en" <-> Language; unknown codes give Dutch.
Language LanguageFromCode(const char* code);
const char* LanguageCode(Language language);

} // namespace vak::ui
