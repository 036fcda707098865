#include "ui/level_names.hpp"

#include "ui/texts/texts.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>
#include <cctype>

namespace vak::ui {


std::string LevelLabel(const core::RegionLayer& layer)
{
    // Known levels by a word in the layer's name (or, for derived layers, its field) or source.
    const std::string name = core::AsciiLower(layer.name);
    const std::string source = core::AsciiLower(layer.source);
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
    if (name == "eigen_regio")
        return Tr(TextId::level_custom);
    if (name.find("plus") != std::string::npos)
        return layer.name; // corop_plus_gebied: no common name to translate
    // A derived layer is named after its level's field; only a file's layer may be recognised
    // by its file name ("Gemeente_2015_layer_q1e3.json" with layer name "layer").
    for (const Known& k : kKnown)
        if (name.find(k.word) != std::string::npos)
            return Tr(k.text);
    if (!layer.is_derived)
        for (const Known& k : kKnown)
            if (source.find(k.word) != std::string::npos)
                return Tr(k.text);
    return layer.name;
}

} // namespace vak::ui
