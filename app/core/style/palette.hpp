// Colour-blind-safe palettes for choropleths and their legends, plus the colours for regions
// without a value. Colours are RGBA8 words in the byte order the GPU fill shader unpacks
// (unpackUnorm4x8, see gpu::PackRgba and shaders/region_fill.frag): red in the lowest byte,
// then green, blue, and alpha in the highest, i.e. 0xAABBGGRR.
//
// Colour values are published facts: the ColorBrewer schemes (Cynthia Brewer, Mark Harrower and
// The Pennsylvania State University, colorbrewer2.org) for 3..9 classes, and matplotlib's
// 256-entry viridis and cividis colour maps (van der Walt, Smith, Nunez et al.).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace vak::core {

enum class PaletteId {
    // Sequential, light (low values) to dark (high values).
    Blues,
    Greens,
    Oranges,
    Purples,
    YlGnBu,
    YlOrRd,
    // Diverging, low end in the first-named hue (RdBu: red low, blue high), neutral middle.
    // RdBu and BrBG are balanced in lightness on both sides; PuOr and PiYG as published are not
    // (their orange and green sides are lighter), so RdBu is the default for change maps.
    RdBu,
    BrBG,
    PuOr,
    PiYG,
    // Perceptually uniform, as published: dark (low values) to bright yellow (high values).
    Viridis,
    Cividis,
};

inline constexpr PaletteId kDefaultSequentialPalette = PaletteId::Blues;
inline constexpr PaletteId kDefaultDivergingPalette = PaletteId::RdBu;

// PaletteColors serves 1..9 colours (the classifications make 2..9 classes; 1 covers a
// classification that collapsed to a single class).
inline constexpr int kMaxPaletteColors = 9;

// Every palette, in the order above (for the UI's list).
std::span<const PaletteId> AllPalettes();
bool IsDiverging(PaletteId palette);
// Stable ASCII id, also the published name: "Blues", "YlGnBu", "RdBu", "viridis", "cividis".
// Not translated: the UI shows its own texts.
std::string_view PaletteName(PaletteId palette);
// The palette with that id (ASCII case ignored), or none.
std::optional<PaletteId> PaletteFromName(std::string_view name);

// `count` colours, low class first. ColorBrewer palettes give the published list for 3..9
// classes; for 2 the outer colours of the 3-class list and for 1 its middle one (a diverging
// palette's neutral). Diverging palettes with an odd count have the neutral colour in the
// middle. viridis and cividis are sampled at `count` evenly spaced points of the 256-entry map
// (interpolating between neighbouring entries), 1 colour being the midpoint. Empty when
// `count` is outside 1..kMaxPaletteColors.
std::vector<std::uint32_t> PaletteColors(PaletteId palette, int count);

// Colour of class `class_index` (ClassOf's result): NoDataColor for -1 or an index outside
// `colors`.
std::uint32_t ColorForClass(std::span<const std::uint32_t> colors, int class_index);

// Fill for regions without a value: a neutral light grey (#c8c8c8), kept at least 25 RGB units
// from every palette colour (the Purples are greyish) and clearly darker than the diverging
// neutrals (#f7f7f7) so that "no data" never reads as "no change".
std::uint32_t NoDataColor();
// Mark (hatching, dots or outline) for regions whose value was suppressed for privacy ("<5"):
// dark grey (#404040), far from every palette colour and from NoDataColor. Meant to be drawn
// over a NoDataColor fill, not as a fill of its own: a dark fill would read as a high value on
// the sequential palettes, while a suppressed count is a small one.
std::uint32_t SuppressedMarkColor();

// Black or white (opaque), whichever contrasts more with `background` by the WCAG 2 contrast
// ratio, for legend labels drawn on colour swatches. Alpha of the background is ignored.
std::uint32_t TextColorOn(std::uint32_t background);

// Helpers on RGBA8 words.
constexpr std::uint32_t MakeRgba8(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a = 255)
{
    return std::uint32_t{r} | std::uint32_t{g} << 8 | std::uint32_t{b} << 16 | std::uint32_t{a} << 24;
}
// From the 0xRRGGBB notation of the published lists, opaque.
constexpr std::uint32_t FromRgbHex(std::uint32_t rrggbb)
{
    return MakeRgba8(static_cast<std::uint8_t>(rrggbb >> 16), static_cast<std::uint8_t>(rrggbb >> 8),
                     static_cast<std::uint8_t>(rrggbb));
}
constexpr std::uint8_t RedOf(std::uint32_t rgba) { return static_cast<std::uint8_t>(rgba); }
constexpr std::uint8_t GreenOf(std::uint32_t rgba) { return static_cast<std::uint8_t>(rgba >> 8); }
constexpr std::uint8_t BlueOf(std::uint32_t rgba) { return static_cast<std::uint8_t>(rgba >> 16); }
constexpr std::uint8_t AlphaOf(std::uint32_t rgba) { return static_cast<std::uint8_t>(rgba >> 24); }

// WCAG 2 relative luminance (0 black .. 1 white) of the colour's RGB, sRGB decoded.
double RelativeLuminance(std::uint32_t rgba);
// WCAG 2 contrast ratio (1..21) between two colours.
double ContrastRatio(std::uint32_t a, std::uint32_t b);
// CIE L* lightness (0..100), for comparing how light colours look.
double Lightness(std::uint32_t rgba);

} // namespace vak::core
