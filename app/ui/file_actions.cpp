#include "ui/file_actions.hpp"

#include "core/errors.hpp"
#include "io/view_file.hpp"
#include "ui/session_exports.hpp"
#include "ui/ui_session.hpp"
#include "ui/view_state_binding.hpp"

#include <exception>

namespace vak::ui {

FileResult RunFileRequest(UiSession& session, const FileRequest& request)
{
    FileResult result;
    try {
        if (request.path.empty())
            throw core::InputError("no file name given");
        switch (request.action) {
        case FileAction::SaveView: io::WriteViewFile(CaptureView(session), request.path); break;
        case FileAction::OpenView: ApplyView(session, io::ReadViewFile(request.path), request.path); break;
        case FileAction::ExportPng: ExportDashboardPng(session, request.path); break;
        case FileAction::ExportGeoTiff: ExportMapGeoTiff(session, request.path, {}); break;
        case FileAction::ExportGeoPackage: ExportRegionsGeoPackage(session, request.path); break;
        case FileAction::ExportCsv: ExportRegionTableCsv(session, request.path); break;
        }
        result.ok = true;
        result.message = (request.action == FileAction::OpenView ? "opened " : "wrote ") + request.path;
    } catch (const std::exception& e) {
        result.message = e.what();
    }
    return result;
}

} // namespace vak::ui
