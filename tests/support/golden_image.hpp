// Golden images for the UI tests: a render compared with a reviewed PNG in tests/golden, with
// the map goldens' tolerance (anti-aliased edges may differ a little between drivers; a moved,
// missing or recoloured element changes far more than 0.5 % of the pixels). VAK_UPDATE_GOLDEN=1
// writes the render as the new golden instead (look at it before committing).
#pragma once

#include "core/rgba_image.hpp"

#include <string>

namespace vak::test {

void CompareWithGolden(const core::RgbaImage& image, const std::string& name);

} // namespace vak::test
