// Writing a file the safe way, shared by every exporter: check the target first (folder exists,
// is writable, target is not a folder), write to a temporary sibling, then rename it over the
// target, so that a crash or an error never leaves a half-written file behind.
#pragma once

#include <filesystem>

namespace vak::io {

// Throws core::InputError naming the file and what is wrong.
void CheckOutputPath(const std::filesystem::path& path);

// A temporary name in the same folder (so the rename is atomic), keeping the extension, which
// some GDAL drivers use to decide what to create ("out.csv" -> "out.tmp-1234.csv").
std::filesystem::path TemporarySibling(const std::filesystem::path& path);

// Renames `tmp` over `path`; on failure removes `tmp` and throws core::InputError.
void CommitTemporary(const std::filesystem::path& tmp, const std::filesystem::path& path);

} // namespace vak::io
