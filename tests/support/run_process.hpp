// Test helper: runs a command line through the shell and captures its exit code and output.
#pragma once

#include <string>

namespace vak::test {

struct ProcessResult {
    int exit_code = -1;
    std::string output; // stdout and stderr together
};

ProcessResult RunShell(const std::string& command);

// Single-quotes `arg` for the shell.
std::string ShellQuote(const std::string& arg);

} // namespace vak::test
