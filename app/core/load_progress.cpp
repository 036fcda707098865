#include "core/load_progress.hpp"

#include <algorithm>

namespace vak::core {

void LoadProgress::BeginStep(int step, int steps, std::string what, StepKind kind)
{
    CheckCancelled();
    std::lock_guard lock(m_mutex);
    m_snapshot.kind = kind;
    m_snapshot.what = std::move(what);
    m_snapshot.step = step;
    m_snapshot.steps = steps;
    m_snapshot.fraction = steps > 0 ? std::clamp(double(step) / steps, 0.0, 1.0) : 0.0;
}

void LoadProgress::StepFraction(long long done, long long total)
{
    CheckCancelled();
    if (total <= 0)
        return;
    std::lock_guard lock(m_mutex);
    if (m_snapshot.steps <= 0)
        return;
    const double inside = std::clamp(double(done) / double(total), 0.0, 1.0);
    m_snapshot.fraction = std::clamp((m_snapshot.step + inside) / m_snapshot.steps, 0.0, 1.0);
}

LoadProgress::Snapshot LoadProgress::Read() const
{
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

void LoadProgress::CheckCancelled() const
{
    if (Cancelled())
        throw LoadCancelled("loading stopped");
}

} // namespace vak::core
