// How far a load running on a worker thread has come, for the progress bar the UI thread draws
// each frame, and the user's wish to stop it. The loader reports steps (one per file, one for
// the derived levels) and, inside a step, a fraction where it can count (features read).
#pragma once

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>

namespace vak::core {

// The user stopped a load: not an input problem, so not an InputError.
class LoadCancelled : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class LoadProgress {
public:
    // What a step does: read a file (named in `what`), or derive the region levels of the
    // first file (GEOS dissolve: seconds for neighbourhoods).
    enum class StepKind { File, Levels };
    struct Snapshot {
        StepKind kind = StepKind::File;
        std::string what; // the file, name only
        int step = 0;     // 0-based
        int steps = 0;    // 0 before the first step
        double fraction = 0; // of the whole load, 0..1
    };

    // A load of `steps` steps; step `step` (0-based) begins, on `what`.
    void BeginStep(int step, int steps, std::string what, StepKind kind = StepKind::File);
    // Inside the current step: `done` of `total` (features, rows); ignored when total <= 0.
    // Throws LoadCancelled when the user has asked to stop, so long loops stop promptly.
    void StepFraction(long long done, long long total);
    Snapshot Read() const;

    // Asked from the UI thread; the loader throws LoadCancelled at its next report.
    void Cancel() { m_cancelled.store(true); }
    bool Cancelled() const { return m_cancelled.load(); }
    // Throws LoadCancelled when Cancelled().
    void CheckCancelled() const;

private:
    mutable std::mutex m_mutex;
    Snapshot m_snapshot;
    std::atomic<bool> m_cancelled{false};
};

// Null-safe forms for loaders whose progress is optional.
inline void BeginStep(LoadProgress* progress, int step, int steps, std::string what,
                      LoadProgress::StepKind kind = LoadProgress::StepKind::File)
{
    if (progress)
        progress->BeginStep(step, steps, std::move(what), kind);
}
inline void StepFraction(LoadProgress* progress, long long done, long long total)
{
    if (progress)
        progress->StepFraction(done, total);
}

} // namespace vak::core
