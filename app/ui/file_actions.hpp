// What the File menu asks for (save or open a view, export the map or its table), carried out
// between frames by the session, with a result the dashboard shows in its modal.
#pragma once

#include <string>

namespace vak::ui {

class UiSession;

enum class FileAction {
    SaveView,
    OpenView,
    ExportPng,        // the dashboard as shown, at the window's size
    ExportGeoTiff,    // the map, georeferenced
    ExportGeoPackage, // the regions of the map's level with their values
    ExportCsv,        // the region table
};

struct FileRequest {
    FileAction action = FileAction::SaveView;
    std::string path;
};

struct FileResult {
    bool ok = false;
    std::string message; // "wrote x.json" or the reason it failed (file, key, problem)
};

// Never throws for bad input: a failure is a result (the session is left as it was).
FileResult RunFileRequest(UiSession& session, const FileRequest& request);

} // namespace vak::ui
