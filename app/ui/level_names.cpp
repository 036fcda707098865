#include "ui/level_names.hpp"

#include "ui/texts/texts.hpp"

#include <algorithm>
#include <cctype>

namespace vak::ui {

namespace {

std::string Lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

std::string LevelLabel(const core::RegionLayer& layer)
{
    // Known levels by a word in the layer's name (or, for derived layers, its field) or source.
    const std::string name = Lower(layer.name);
    const std::string source = Lower(layer.source);
    struct Known {
        const char* word;
        TextId text;
    };
    static constexpr Known kKnown[] = {
        {"arbeidsmarktregio", TextId::level_arbeidsmarktregio}, {"rpa", TextId::level_arbeidsmarktregio},
        {"corop", TextId::level_corop},       {"provinc", TextId::level_provincie},
        {"landsdeel", TextId::level_landsdeel}, {"buurt", TextId::level_buurt},
        {"wijk", TextId::level_wijk},           {"gemeente", TextId::level_gemeente},
        {"agglomeratie", TextId::level_agglomeratie},
    };
    if (name.find("plus") != std::string::npos)
        return layer.name; // corop_plus_gebied: no common name to translate
    for (const std::string* text : {&name, &source})
        for (const Known& k : kKnown)
            if (text->find(k.word) != std::string::npos)
                return Tr(k.text);
    return layer.name;
}

} // namespace vak::ui
