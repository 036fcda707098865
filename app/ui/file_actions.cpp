#include "ui/file_actions.hpp"

#include "core/errors.hpp"
#include "io/view_file.hpp"
#include "ui/session_exports.hpp"
#include "ui/texts/texts.hpp"
#include "ui/ui_session.hpp"
#include "ui/view_state_binding.hpp"

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>

namespace vak::ui {

double BackgroundTask::SteadySeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

BackgroundTask::BackgroundTask(std::string what, std::function<void()> work, std::string done, Clock clock)
    : m_what(std::move(what)), m_clock(std::move(clock)), m_started(m_clock())
{
    m_future = std::async(std::launch::async, [work = std::move(work), done = std::move(done)] {
        FileResult result;
        try {
            work();
            result.ok = true;
            result.message = done;
        } catch (const std::exception& e) {
            result.message = e.what();
        }
        return result;
    });
}

BackgroundTask::~BackgroundTask()
{
    if (m_future.valid())
        m_future.wait();
}

const std::optional<FileResult>& BackgroundTask::Poll()
{
    if (!m_result && m_future.valid() && m_future.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        m_result = m_future.get();
    return m_result;
}

const std::optional<FileResult>& BackgroundTask::Wait()
{
    if (!m_result && m_future.valid())
        m_result = m_future.get();
    return m_result;
}

std::string LoadingNotice(const std::string& path)
{
    const std::string name = std::filesystem::path(path).filename().string();
    char text[512];
    std::snprintf(text, sizeof text, Tr(TextId::progress_loading), (name.empty() ? path : name).c_str());
    return text;
}

std::string LoadStepText(const core::LoadProgress::Snapshot& snapshot)
{
    char text[512];
    if (snapshot.kind == core::LoadProgress::StepKind::Levels)
        std::snprintf(text, sizeof text, Tr(TextId::progress_load_levels), snapshot.step + 1, snapshot.steps,
                      snapshot.what.c_str());
    else
        std::snprintf(text, sizeof text, Tr(TextId::progress_load_file), snapshot.step + 1, snapshot.steps,
                      snapshot.what.c_str());
    return text;
}

FileResult RunFileRequest(UiSession& session, const FileRequest& request)
{
    FileResult result;
    try {
        if (request.path.empty())
            throw core::InputError("no file name given");
        if (request.action == FileAction::ExportPng || request.action == FileAction::ExportGeoTiff) {
            // Pixels now (GL, this thread); encoding and writing on a worker.
            PreparedExport prepared = request.action == FileAction::ExportPng
                                          ? PrepareDashboardPng(session, request.path)
                                          : PrepareMapGeoTiff(session, request.path, {});
            char what[160];
            std::snprintf(what, sizeof what, Tr(TextId::progress_exporting), prepared.size.width, prepared.size.height,
                          request.action == FileAction::ExportPng ? "PNG" : "GeoTIFF");
            result.pending = true;
            result.message = what;
            session.GetDashboard().StartTask(
                std::make_unique<BackgroundTask>(what, std::move(prepared.write), "wrote " + request.path));
            return result;
        }
        switch (request.action) {
        case FileAction::SaveView: io::WriteViewFile(CaptureView(session), request.path); break;
        case FileAction::OpenView: {
            core::ViewState view = io::ReadViewFile(request.path); // keys, types, data files there
            if (!core::SameData(view.data, session.DataSources())) {
                const std::string path = request.path;
                core::ViewData data = view.data;
                session.StartLoad(
                    std::move(data), [view = std::move(view), path](UiSession& s) { ApplyView(s, view, path); },
                    "opened " + path);
                result.pending = true;
                result.message = LoadingNotice(request.path);
                return result;
            }
            ApplyView(session, view, request.path);
            break;
        }
        case FileAction::ExportPng:
        case FileAction::ExportGeoTiff: break; // above
        case FileAction::ExportGeoPackage: ExportRegionsGeoPackage(session, request.path); break;
        case FileAction::ExportCsv: ExportRegionTableCsv(session, request.path); break;
        case FileAction::ExportTimeChartSvg: ExportChartSvg(session, SvgChartKind::TimeSeries, request.path); break;
        case FileAction::ExportBarChartSvg: ExportChartSvg(session, SvgChartKind::Bars, request.path); break;
        case FileAction::ExportScatterSvg: ExportChartSvg(session, SvgChartKind::Scatter, request.path); break;
        }
        result.ok = true;
        result.message = (request.action == FileAction::OpenView ? "opened " : "wrote ") + request.path;
    } catch (const std::exception& e) {
        result.message = e.what();
    }
    return result;
}

} // namespace vak::ui
