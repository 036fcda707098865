// The interactive dashboard in a GLFW window.
#pragma once

#include "core/command_line.hpp"

namespace vak::ui {

// Runs until the window is closed (or --frames N is reached). Returns the exit code; throws
// core::InputError when the window or a resource cannot be opened.
int RunDashboardWindow(const core::CommandLine& command_line);

} // namespace vak::ui
