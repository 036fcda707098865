#include "support/run_process.hpp"

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace vak::test {

namespace {

ProcessResult RunOnce(const std::string& command)
{
    ProcessResult result;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return result;
    std::array<char, 4096> buffer;
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        result.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

// In the sanitizer build, the child's exit-time leak check may die in LeakSanitizer's own tracer
// (google/sanitizers#1353; tests/hardening/lsan_tracer_retry.sh says more): the program did its
// work, the sanitizer runtime failed after it. Only that, with no sanitizer report of its own.
bool LeakTracerCrashed(const ProcessResult& result)
{
    const auto has = [&](const char* text) { return result.output.find(text) != std::string::npos; };
    return result.exit_code != 0 && has("Tracer caught signal") && has("LeakSanitizer has encountered a fatal error") &&
           !has("ERROR: LeakSanitizer") && !has("ERROR: AddressSanitizer") && !has("runtime error:");
}

} // namespace

ProcessResult RunShell(const std::string& command)
{
    ProcessResult result = RunOnce(command);
    if (LeakTracerCrashed(result))
        result = RunOnce(command); // once: a second tracer crash is reported as it is
    return result;
}

std::string ShellQuote(const std::string& arg)
{
    std::string quoted = "'";
    for (char c : arg) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    return quoted + "'";
}

} // namespace vak::test
