#include "ui/fonts.hpp"

#include "core/errors.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace vak::ui {

namespace {

// Basic Latin + Latin-1 (ë, é, â as in Fryslân), Latin Extended-A, and the punctuation Dutch
// texts use (en dash, quotes, bullet, ellipsis, euro sign).
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF,
    0x0100, 0x017F,
    0x2013, 0x2026,
    0x20AC, 0x20AC,
    0,
};

// Asks fontconfig for `family`; returns the file when the match is that family and scalable.
std::string MatchFamily(const char* family)
{
    std::string result;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family));
    if (!pattern)
        return result;
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult fc_result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &fc_result);
    if (match) {
        FcChar8* file = nullptr;
        FcChar8* matched_family = nullptr;
        FcBool scalable = FcFalse;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetString(match, FC_FAMILY, 0, &matched_family) == FcResultMatch &&
            FcPatternGetBool(match, FC_SCALABLE, 0, &scalable) == FcResultMatch && scalable) {
            // fontconfig always returns something; "sans-serif" accepts whatever it picked.
            const bool generic = std::strcmp(family, "sans-serif") == 0;
            const char* base = reinterpret_cast<const char*>(matched_family);
            if (generic || std::strncmp(base, family, std::strcspn(family, ":")) == 0)
                result = reinterpret_cast<const char*>(file);
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return result;
}

std::vector<char> ReadFontFile(const std::string& path)
{
    // ImGui asserts (and Debian's build aborts) on font data it cannot use: refuse empty files
    // and folders here, with the file named.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw core::InputError("font " + path + ": not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw core::InputError("font " + path + ": cannot be read");
    std::vector<char> data((std::istreambuf_iterator<char>(in)), {});
    if (data.size() < 12)
        throw core::InputError("font " + path + ": empty or too short to be a TrueType/OpenType font");
    return data;
}

ImFont* AddFont(ImFontAtlas& atlas, const std::vector<char>& data, float size_px)
{
    // The atlas frees font data it owns with ImGui's allocator, so hand it a copy made with it.
    void* copy = IM_ALLOC(data.size());
    std::memcpy(copy, data.data(), data.size());
    ImFontConfig config;
    config.FontDataOwnedByAtlas = true;
    config.OversampleH = 1; // FreeType hints the glyphs; oversampling only blurs them
    config.OversampleV = 1;
    return atlas.AddFontFromMemoryTTF(copy, static_cast<int>(data.size()), size_px, &config, kGlyphRanges);
}

} // namespace

std::string FindUiFontFile(const std::string& explicit_file)
{
    if (!explicit_file.empty()) {
        std::error_code ec;
        std::ifstream probe(explicit_file, std::ios::binary);
        if (!probe || !std::filesystem::is_regular_file(explicit_file, ec))
            throw core::InputError("--font " + explicit_file + ": not a readable file");
        return explicit_file;
    }
    if (!FcInit())
        throw core::InputError("fontconfig could not start; pass a TrueType font with --font FILE");
    for (const char* family : {"DejaVu Sans:style=Book", "Noto Sans:style=Regular", "sans-serif"}) {
        std::string file = MatchFamily(family);
        if (!file.empty())
            return file;
    }
    throw core::InputError("no scalable system font found; install fonts-dejavu-core or pass --font FILE.ttf");
}

UiFonts BuildUiFonts(const std::string& font_file, float scale)
{
    const std::vector<char> data = ReadFontFile(font_file);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    UiFonts fonts;
    fonts.body = AddFont(atlas, data, kBodyFontPx * scale);
    fonts.heading = AddFont(atlas, data, kBodyFontPx * 1.2f * scale);
    if (!fonts.body || !fonts.heading || !atlas.Build()) {
        atlas.Clear();
        throw core::InputError("font " + font_file + ": FreeType cannot read it as a TrueType/OpenType font");
    }
    return fonts;
}

} // namespace vak::ui
