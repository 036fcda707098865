#include "core/geo/label_placement.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace vak::core {

namespace {

struct Box {
    float x0, y0, x1, y1;
    bool Overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// Placed boxes bucketed in a coarse grid, so each test looks at a few neighbours only.
class BoxGrid {
public:
    explicit BoxGrid(float cell) : m_cell(cell) {}

    bool Free(const Box& b) const
    {
        bool free = true;
        ForCells(b, [&](long long key) {
            auto it = m_cells.find(key);
            if (it == m_cells.end())
                return;
            for (const Box& other : it->second)
                free = free && !b.Overlaps(other);
        });
        return free;
    }
    void Add(const Box& b)
    {
        ForCells(b, [&](long long key) { m_cells[key].push_back(b); });
    }

private:
    template <typename F>
    void ForCells(const Box& b, F&& f) const
    {
        const long long cx0 = static_cast<long long>(std::floor(b.x0 / m_cell));
        const long long cx1 = static_cast<long long>(std::floor(b.x1 / m_cell));
        const long long cy0 = static_cast<long long>(std::floor(b.y0 / m_cell));
        const long long cy1 = static_cast<long long>(std::floor(b.y1 / m_cell));
        for (long long cy = cy0; cy <= cy1; ++cy)
            for (long long cx = cx0; cx <= cx1; ++cx)
                f(cy * 1000003LL + cx);
    }

    float m_cell;
    std::unordered_map<long long, std::vector<Box>> m_cells;
};

} // namespace

std::vector<PlacedLabel> PlaceLabels(std::span<const LabelCandidate> candidates, float view_w, float view_h,
                                     float gap, std::span<const LabelObstacle> obstacles)
{
    std::vector<const LabelCandidate*> order;
    for (const LabelCandidate& c : candidates)
        if (c.width > 0 && c.height > 0)
            order.push_back(&c);
    std::stable_sort(order.begin(), order.end(), [](const LabelCandidate* a, const LabelCandidate* b) {
        return a->priority != b->priority ? a->priority > b->priority : a->id < b->id;
    });

    BoxGrid grid(64.0f);
    for (const LabelObstacle& o : obstacles)
        grid.Add({o.x, o.y, o.x + o.width, o.y + o.height});
    std::vector<PlacedLabel> placed;
    for (const LabelCandidate* c : order) {
        // Centred on the anchor first, then just above, then just below (far enough to clear
        // a label at the anchor, gaps included).
        const float step = c->height + 2.0f * gap + 1.0f;
        const float offsets[] = {0.0f, -step, step};
        for (float dy : offsets) {
            const float x = c->anchor_x - c->width * 0.5f;
            const float y = c->anchor_y - c->height * 0.5f + dy;
            if (x < 0 || y < 0 || x + c->width > view_w || y + c->height > view_h)
                continue;
            const Box box{x - gap, y - gap, x + c->width + gap, y + c->height + gap};
            if (!grid.Free(box))
                continue;
            grid.Add(box);
            placed.push_back({c->id, x, y});
            break;
        }
    }
    return placed;
}

} // namespace vak::core
