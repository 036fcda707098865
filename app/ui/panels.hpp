// The list of dashboard panels, in drawing order. A new panel is added here and nowhere else.
#pragma once

#include "ui/panels/panel.hpp"

#include <memory>
#include <vector>

namespace vak::ui {

std::vector<std::unique_ptr<Panel>> CreatePanels();

} // namespace vak::ui
