#include "core/style/palette.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace vak::core {
namespace {

// Euclidean distance in 8-bit RGB.
double RgbDistance(std::uint32_t a, std::uint32_t b)
{
    const double dr = RedOf(a) - RedOf(b);
    const double dg = GreenOf(a) - GreenOf(b);
    const double db = BlueOf(a) - BlueOf(b);
    return std::sqrt(dr * dr + dg * dg + db * db);
}

std::string Describe(PaletteId palette, int count)
{
    return std::string(PaletteName(palette)) + " k=" + std::to_string(count);
}

TEST(Palette, ByteOrderMatchesTheFillShader)
{
    // unpackUnorm4x8: red in the lowest byte, alpha in the highest.
    EXPECT_EQ(MakeRgba8(0x11, 0x22, 0x33, 0x44), 0x44332211u);
    EXPECT_EQ(FromRgbHex(0x2166ac), 0xffac6621u);
    EXPECT_EQ(RedOf(0xffac6621u), 0x21);
    EXPECT_EQ(GreenOf(0xffac6621u), 0x66);
    EXPECT_EQ(BlueOf(0xffac6621u), 0xac);
    EXPECT_EQ(AlphaOf(0xffac6621u), 0xff);
}

TEST(Palette, KColoursForEveryPaletteAndCount)
{
    for (PaletteId palette : AllPalettes()) {
        for (int k = 1; k <= kMaxPaletteColors; ++k) {
            const std::vector<std::uint32_t> colors = PaletteColors(palette, k);
            ASSERT_EQ(colors.size(), static_cast<std::size_t>(k)) << Describe(palette, k);
            for (std::uint32_t c : colors)
                EXPECT_EQ(AlphaOf(c), 255) << Describe(palette, k);
        }
        EXPECT_TRUE(PaletteColors(palette, 0).empty());
        EXPECT_TRUE(PaletteColors(palette, kMaxPaletteColors + 1).empty());
    }
    EXPECT_EQ(AllPalettes().size(), 12u);
}

TEST(Palette, PublishedColorBrewerLists)
{
    // Spot checks against colorbrewer2.org.
    EXPECT_EQ(PaletteColors(PaletteId::Blues, 5),
              (std::vector<std::uint32_t>{FromRgbHex(0xeff3ff), FromRgbHex(0xbdd7e7), FromRgbHex(0x6baed6),
                                          FromRgbHex(0x3182bd), FromRgbHex(0x08519c)}));
    EXPECT_EQ(PaletteColors(PaletteId::RdBu, 5),
              (std::vector<std::uint32_t>{FromRgbHex(0xca0020), FromRgbHex(0xf4a582), FromRgbHex(0xf7f7f7),
                                          FromRgbHex(0x92c5de), FromRgbHex(0x0571b0)}));
    EXPECT_EQ(PaletteColors(PaletteId::YlOrRd, 9).back(), FromRgbHex(0x800026));
    EXPECT_EQ(PaletteColors(PaletteId::BrBG, 7)[3], FromRgbHex(0xf5f5f5));
    // Below 3: the 3-class list's ends, or its middle.
    EXPECT_EQ(PaletteColors(PaletteId::Greens, 2),
              (std::vector<std::uint32_t>{FromRgbHex(0xe5f5e0), FromRgbHex(0x31a354)}));
    EXPECT_EQ(PaletteColors(PaletteId::PiYG, 1), (std::vector<std::uint32_t>{FromRgbHex(0xf7f7f7)}));
}

TEST(Palette, ViridisAndCividisSampleThePublishedMaps)
{
    // viridis at 0, 1/4, 1/2, 3/4, 1 is #440154 #3b528b #21918c #5ec962 #fde725 (matplotlib;
    // R's viridisLite rounds the same map to #21908c and #5dc863): allow one unit per channel.
    const std::uint32_t expected[] = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};
    const std::vector<std::uint32_t> viridis = PaletteColors(PaletteId::Viridis, 5);
    for (std::size_t i = 0; i < 5; ++i) {
        const std::uint32_t want = FromRgbHex(expected[i]);
        EXPECT_NEAR(RedOf(viridis[i]), RedOf(want), 1) << i;
        EXPECT_NEAR(GreenOf(viridis[i]), GreenOf(want), 1) << i;
        EXPECT_NEAR(BlueOf(viridis[i]), BlueOf(want), 1) << i;
    }
    // cividis ends: matplotlib's (0, 0.1351, 0.3048) and (0.9957, 0.9093, 0.2178).
    const std::vector<std::uint32_t> cividis = PaletteColors(PaletteId::Cividis, 2);
    EXPECT_EQ(cividis.front(), FromRgbHex(0x00224e));
    EXPECT_EQ(cividis.back(), FromRgbHex(0xfee838));
}

TEST(Palette, ColoursAreDistinctWithinAPalette)
{
    for (PaletteId palette : AllPalettes()) {
        for (int k = 1; k <= kMaxPaletteColors; ++k) {
            const std::vector<std::uint32_t> colors = PaletteColors(palette, k);
            EXPECT_EQ(std::set<std::uint32_t>(colors.begin(), colors.end()).size(), colors.size())
                << Describe(palette, k);
        }
    }
}

TEST(Palette, SequentialPalettesAreMonotoneInLuminance)
{
    for (PaletteId palette : AllPalettes()) {
        if (IsDiverging(palette))
            continue;
        // ColorBrewer's run light to dark; viridis and cividis dark to light, as published.
        const bool brightening = palette == PaletteId::Viridis || palette == PaletteId::Cividis;
        for (int k = 2; k <= kMaxPaletteColors; ++k) {
            const std::vector<std::uint32_t> colors = PaletteColors(palette, k);
            for (std::size_t i = 1; i < colors.size(); ++i) {
                const double before = RelativeLuminance(colors[i - 1]);
                const double after = RelativeLuminance(colors[i]);
                if (brightening)
                    EXPECT_GT(after, before) << Describe(palette, k) << " at " << i;
                else
                    EXPECT_LT(after, before) << Describe(palette, k) << " at " << i;
            }
        }
    }
}

TEST(Palette, DivergingPalettesAreSymmetricInLightnessAroundTheMiddle)
{
    for (PaletteId palette : AllPalettes()) {
        if (!IsDiverging(palette))
            continue;
        for (int k = 2; k <= kMaxPaletteColors; ++k) {
            const std::vector<std::uint32_t> colors = PaletteColors(palette, k);
            const std::size_t n = colors.size();
            // Both arms lighten towards the middle, step for step.
            for (std::size_t i = 1; i < n / 2; ++i) {
                EXPECT_GT(Lightness(colors[i]), Lightness(colors[i - 1])) << Describe(palette, k);
                EXPECT_GT(Lightness(colors[n - 1 - i]), Lightness(colors[n - i])) << Describe(palette, k);
            }
            // An odd count has a neutral, lightest middle: grey, no hue.
            if (n % 2 == 1) {
                const std::uint32_t middle = colors[n / 2];
                const int spread = std::max({RedOf(middle), GreenOf(middle), BlueOf(middle)}) -
                                   std::min({RedOf(middle), GreenOf(middle), BlueOf(middle)});
                EXPECT_LE(spread, 2) << Describe(palette, k);
                for (std::uint32_t c : colors)
                    EXPECT_LE(Lightness(c), Lightness(middle)) << Describe(palette, k);
            }
            // Mirrored classes about as light: within 7 L* for RdBu and BrBG. PuOr and PiYG are
            // published with a lighter orange / green arm (up to 24 and 16 L*): only the order of
            // lightness is symmetric there, checked above.
            if (palette == PaletteId::RdBu || palette == PaletteId::BrBG) {
                for (std::size_t i = 0; i < n / 2; ++i)
                    EXPECT_NEAR(Lightness(colors[i]), Lightness(colors[n - 1 - i]), 7.0)
                        << Describe(palette, k) << " pair " << i;
            }
        }
    }
}

TEST(Palette, NoDataAndSuppressedStandApart)
{
    // Neither special colour is in, or close to, any palette; and they differ from each other.
    double nearest_no_data = 1e9;
    double nearest_suppressed = 1e9;
    for (PaletteId palette : AllPalettes()) {
        for (int k = 1; k <= kMaxPaletteColors; ++k) {
            for (std::uint32_t c : PaletteColors(palette, k)) {
                nearest_no_data = std::min(nearest_no_data, RgbDistance(c, NoDataColor()));
                nearest_suppressed = std::min(nearest_suppressed, RgbDistance(c, SuppressedMarkColor()));
            }
        }
    }
    EXPECT_GE(nearest_no_data, 25.0);
    EXPECT_GE(nearest_suppressed, 40.0);
    EXPECT_GE(ContrastRatio(NoDataColor(), SuppressedMarkColor()), 4.5); // a mark visible on no-data
    // No-data is a light grey, clearly darker than the diverging neutrals (#f7f7f7).
    EXPECT_EQ(RedOf(NoDataColor()), GreenOf(NoDataColor()));
    EXPECT_EQ(GreenOf(NoDataColor()), BlueOf(NoDataColor()));
    EXPECT_GT(Lightness(NoDataColor()), 70.0);
    EXPECT_GT(Lightness(FromRgbHex(0xf7f7f7)) - Lightness(NoDataColor()), 10.0);
}

TEST(Palette, ColorForClass)
{
    const std::vector<std::uint32_t> colors = PaletteColors(PaletteId::Blues, 3);
    EXPECT_EQ(ColorForClass(colors, 0), colors[0]);
    EXPECT_EQ(ColorForClass(colors, 2), colors[2]);
    EXPECT_EQ(ColorForClass(colors, -1), NoDataColor());
    EXPECT_EQ(ColorForClass(colors, 3), NoDataColor());
}

TEST(Palette, TextColorOnSwatches)
{
    const std::uint32_t black = MakeRgba8(0, 0, 0);
    const std::uint32_t white = MakeRgba8(255, 255, 255);
    EXPECT_EQ(TextColorOn(FromRgbHex(0x08306b)), white); // Blues' darkest, dark blue
    EXPECT_EQ(TextColorOn(FromRgbHex(0xffffcc)), black); // YlOrRd's lightest, light yellow
    EXPECT_EQ(TextColorOn(FromRgbHex(0x440154)), white); // viridis' dark purple
    EXPECT_EQ(TextColorOn(FromRgbHex(0xfde725)), black); // viridis' yellow
    EXPECT_EQ(TextColorOn(NoDataColor()), black);
    // Whatever the swatch, the chosen text reaches at least 4.5:1 (WCAG AA) on every palette
    // colour: the better of black and white always gets above sqrt(21) = 4.58.
    for (PaletteId palette : AllPalettes())
        for (int k = 1; k <= kMaxPaletteColors; ++k)
            for (std::uint32_t c : PaletteColors(palette, k))
                EXPECT_GE(ContrastRatio(TextColorOn(c), c), 4.5) << Describe(palette, k);
}

TEST(Palette, ContrastAndLuminanceReferencePoints)
{
    EXPECT_NEAR(ContrastRatio(MakeRgba8(0, 0, 0), MakeRgba8(255, 255, 255)), 21.0, 1e-9);
    EXPECT_NEAR(RelativeLuminance(MakeRgba8(255, 255, 255)), 1.0, 1e-12);
    EXPECT_NEAR(Lightness(MakeRgba8(255, 255, 255)), 100.0, 1e-9);
    EXPECT_NEAR(Lightness(MakeRgba8(0, 0, 0)), 0.0, 1e-9);
    // #777777 is the classic mid grey: L* about 50.
    EXPECT_NEAR(Lightness(FromRgbHex(0x777777)), 50.0, 0.5);
}

TEST(Palette, NamesRoundTrip)
{
    for (PaletteId palette : AllPalettes()) {
        const std::optional<PaletteId> back = PaletteFromName(PaletteName(palette));
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, palette);
    }
    EXPECT_EQ(PaletteName(PaletteId::RdBu), "RdBu");
    EXPECT_EQ(PaletteName(PaletteId::Viridis), "viridis");
    EXPECT_EQ(PaletteFromName("rdbu"), PaletteId::RdBu);
    EXPECT_EQ(PaletteFromName("Viridis"), PaletteId::Viridis);
    EXPECT_FALSE(PaletteFromName("Spectral").has_value());
    EXPECT_FALSE(PaletteFromName("").has_value());
    EXPECT_TRUE(IsDiverging(PaletteId::PuOr));
    EXPECT_FALSE(IsDiverging(PaletteId::YlGnBu));
    EXPECT_FALSE(IsDiverging(PaletteId::Cividis));
}

} // namespace
} // namespace vak::core
