// Between a running dashboard and a saved view: Capture reads the whole state of a UiSession
// into a core::ViewState; Apply puts one back. Apply is all or nothing: a view that does not fit
// the session (a level, region, table, measure or period it names is not there) throws
// core::InputError and leaves the session as it was.
#pragma once

#include "core/view_state.hpp"

namespace vak::ui {

class UiSession;

core::ViewState CaptureView(UiSession& session);

// Applies `view` to the session's loaded data. The view's data must be the session's
// (SameData); loading other data is the caller's part (see OpenViewWorkspace).
// Messages start with `source` (the view file's name) and name the key: "v.json: $.shown.period: ...".
void ApplyView(UiSession& session, const core::ViewState& view, const std::string& source = "view");

} // namespace vak::ui
