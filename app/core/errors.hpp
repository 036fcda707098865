// Error types shared by every module. They map one to one onto the command line's exit codes:
// UsageError -> 2 (the command was called wrongly), InputError -> 1 (a file, a value or the
// environment could not be used). Messages name the file, field or option and the problem.
#pragma once

#include <stdexcept>
#include <string>

namespace vak::core {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum ExitCode : int {
    kExitOk = 0,
    kExitBadInput = 1,
    kExitUsage = 2,
};

} // namespace vak::core
