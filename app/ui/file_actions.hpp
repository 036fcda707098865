// What the File menu asks for (save or open a view, export the map or its table), carried out
// between frames by the session, with a result the dashboard shows in its modal.
#pragma once

#include "core/load_progress.hpp"

#include <functional>
#include <future>
#include <memory>
#include <optional>
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
    ExportTimeChartSvg, // the charts panel's charts as SVG (ui/charts/svg_chart_export.*)
    ExportBarChartSvg,
    ExportScatterSvg,
};

struct FileRequest {
    FileAction action = FileAction::SaveView;
    std::string path;
};

struct FileResult {
    bool ok = false;
    std::string message; // "wrote x.json" or the reason it failed (file, key, problem)
    bool pending = false; // still being written on a worker (the dashboard's BackgroundTask)
};

// Progress is shown only for work that has taken this long: quick work never flashes a message.
inline constexpr double kProgressDelaySeconds = 0.5;

// Work that may take a while (writing a large exported image), run on a worker thread while the
// window keeps drawing. The clock is injected (seconds, any origin) so that the 0.5 s rule can be
// tested without waiting.
class BackgroundTask {
public:
    using Clock = std::function<double()>;
    static double SteadySeconds();

    // `what`: shown while it runs ("Exporteren 3840x2160 PNG…"); `done`: the result when `work`
    // returns (a throw becomes a failed result with its message).
    BackgroundTask(std::string what, std::function<void()> work, std::string done, Clock clock = SteadySeconds);
    ~BackgroundTask(); // waits for the work
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    const std::string& What() const { return m_what; }
    double Elapsed() const { return m_clock() - m_started; }
    // Running for kProgressDelaySeconds or longer: time to say what is happening.
    bool ShowProgress() const { return !m_result && Elapsed() >= kProgressDelaySeconds; }
    // The result once the work has finished (then always the same), else nothing; never blocks.
    const std::optional<FileResult>& Poll();
    // Blocks until the work has finished; then as Poll.
    const std::optional<FileResult>& Wait();

    // Work that counts its steps (a load) shows them and can be stopped; other work shows a
    // bar that only says it is busy.
    void SetProgress(std::shared_ptr<core::LoadProgress> progress) { m_progress = std::move(progress); }
    const core::LoadProgress* Progress() const { return m_progress.get(); }
    void Cancel()
    {
        if (m_progress)
            m_progress->Cancel();
    }

private:
    std::string m_what;
    std::shared_ptr<core::LoadProgress> m_progress;
    Clock m_clock;
    double m_started = 0;
    std::future<FileResult> m_future;
    std::optional<FileResult> m_result;
};

// What the dashboard says, centred, in the frame before it opens a view from the File menu (the
// opening runs on the UI thread, between frames): "Laden: krimp.json…", the file name only.
std::string LoadingNotice(const std::string& path);

// The line above a load's progress bar: "Laden 2/3: gemeente_2025.topojson", or the levels
// being derived; in the interface language.
std::string LoadStepText(const core::LoadProgress::Snapshot& snapshot);

// Never throws for bad input: a failure is a result (the session is left as it was). Image
// exports read their pixels here and write them on a worker: the result is then `pending` and
// the dashboard (UiSession::GetDashboard) holds the task that finishes it. A view made of other
// data files than the session's is `pending` too: its files load on a worker
// (UiSession::StartLoad) and the view is applied when they are there.
FileResult RunFileRequest(UiSession& session, const FileRequest& request);

} // namespace vak::ui
