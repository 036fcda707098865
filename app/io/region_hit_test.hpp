// Which region is under the mouse: a GEOS STR-tree over the features' bounding boxes, then an
// exact test on prepared geometries. Built once per layer; queries take microseconds even on
// the 11,691-neighbourhood layer.
#pragma once

#include "core/geo/region_layer.hpp"

#include <memory>
#include <span>
#include <vector>

namespace vak::io {

class RegionHitTester {
public:
    explicit RegionHitTester(const core::RegionLayer& layer);
    ~RegionHitTester();
    RegionHitTester(const RegionHitTester&) = delete;
    RegionHitTester& operator=(const RegionHitTester&) = delete;

    // Index of the feature containing `world` (display CRS), or -1. On a shared border the
    // first feature in layer order wins.
    int FeatureAt(core::Vec2d world) const;
    // Indices (ascending) of the features whose label point lies inside the ring drawn by the
    // user (a box or a freehand lasso, display CRS; closed here). The label point, not any
    // overlap, decides: a lasso round a city must not catch every neighbour it grazes. A lasso
    // that crosses itself counts the area it encloses (GEOS repairs it).
    std::vector<int> FeaturesInside(std::span<const core::Vec2d> ring) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vak::io
