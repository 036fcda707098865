// Loads the files named on the command line into a Workspace (or, without files, the demo
// geography): each region file becomes a layer, and every grouping attribute of the first layer (provincie, corop_gebied, ...) becomes
// a derived layer by dissolve, so the map can switch level. What went wrong or was assumed is
// added to the workspace's messages with the file named.
#pragma once

#include "core/command_line.hpp"
#include "core/load_progress.hpp"
#include "core/workspace.hpp"

#include <string>

namespace vak::io {

// Without files the demo geography is loaded instead. Throws core::InputError when a file
// cannot be read at all (the workspace is left unchanged), or when --level names no level.
void LoadRegionFiles(const core::RegionFileOptions& options, core::Workspace& workspace);

// Imports every --data table (each file read once) and joins it to the loaded layer that knows
// the most of its regions: by code, or by name where the codes fail and names fit (with a
// warning in its report). Row problems go into each table's report. All or nothing: a file
// that cannot be read at all throws core::InputError and no table of this call is added
// (tables loaded before stay).
void LoadDataFiles(const core::TableFileOptions& options, core::Workspace& workspace);

// Both of the above into an empty workspace, as one load with steps for `progress` (one per
// file, one for the derived levels); it may be stopped through progress->Cancel(), which
// throws core::LoadCancelled. For a load on a worker thread (ui/workspace_load.*).
void LoadWorkspace(const core::RegionFileOptions& regions, const core::TableFileOptions& tables,
                   core::Workspace& workspace, core::LoadProgress* progress);

// --level and --tile-map on an already loaded workspace.
void ApplyViewOptions(const core::RegionFileOptions& options, core::Workspace& workspace);

// Index of the layer called `name` (or whose name starts with it), case-insensitive; -1.
int FindLevel(const core::Workspace& workspace, const std::string& name);

} // namespace vak::io
