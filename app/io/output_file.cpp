#include "io/output_file.hpp"

#include "core/errors.hpp"

#include <system_error>
#include <unistd.h>

namespace vak::io {

namespace fs = std::filesystem;

void CheckOutputPath(const fs::path& path)
{
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw core::InputError("cannot write " + path.string() + ": folder '" + folder.string() + "' does not exist");
    if (fs::is_directory(path, ec))
        throw core::InputError("cannot write " + path.string() + ": it is a folder");
    if (access(folder.c_str(), W_OK) != 0)
        throw core::InputError("cannot write " + path.string() + ": no permission to write in '" + folder.string() + "'");
}

fs::path TemporarySibling(const fs::path& path)
{
    fs::path tmp = path;
    tmp.replace_filename(path.stem().string() + ".tmp-" + std::to_string(getpid()) + path.extension().string());
    return tmp;
}

void CommitTemporary(const fs::path& tmp, const fs::path& path)
{
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        const std::string reason = ec.message();
        fs::remove(tmp, ec);
        throw core::InputError("cannot write " + path.string() + ": " + reason);
    }
}

} // namespace vak::io
