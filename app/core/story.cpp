#include "core/story.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vak::core {

std::vector<std::string> ValidateStory(const Story& story)
{
    std::vector<std::string> problems;
    for (std::size_t i = 0; i < story.bookmarks.size(); ++i) {
        const Bookmark& b = story.bookmarks[i];
        const std::string path = "$.bookmarks[" + std::to_string(i) + "]";
        if (b.title.empty())
            problems.push_back(path + ".title: empty (every bookmark needs a title)");
        else if (b.title.size() > kMaxBookmarkTitle)
            problems.push_back(path + ".title: longer than " + std::to_string(kMaxBookmarkTitle) + " characters");
        if (b.note.size() > kMaxBookmarkNote)
            problems.push_back(path + ".note: longer than " + std::to_string(kMaxBookmarkNote) + " characters");
        // The view's own problems start with "$"; put them under this bookmark's view.
        for (const std::string& problem : ValidateViewState(b.view))
            problems.push_back(path + ".view" + problem.substr(problem.starts_with("$") ? 1 : 0));
    }
    return problems;
}

int StepBookmark(int current, int count, int direction)
{
    if (count <= 0)
        return -1;
    if (current < 0 || current >= count)
        return 0;
    return std::clamp(current + (direction > 0 ? 1 : direction < 0 ? -1 : 0), 0, count - 1);
}

std::string BookmarkFileName(int index, std::string_view title, std::string_view extension)
{
    // Latin-1 letters (U+00C0..U+00FF, two bytes C3 xx in UTF-8) as their base letter, so that
    // "één" reads "een"; '-' marks the two signs in that range (multiply, divide).
    static constexpr char kLatin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuytsaaaaaaaceeeeiiiidnooooo-ouuuuyty";
    std::string slug;
    bool dash = false;
    for (std::size_t i = 0; i < title.size(); ++i) {
        char c = title[i];
        unsigned char u = static_cast<unsigned char>(c);
        if (u == 0xC3 && i + 1 < title.size() && (static_cast<unsigned char>(title[i + 1]) & 0xC0) == 0x80) {
            c = kLatin1[static_cast<unsigned char>(title[++i]) - 0x80];
            u = static_cast<unsigned char>(c);
        }
        if (c == '\'') // an apostrophe joins ("regio's" -> "regios")
            continue;
        if (u >= 'A' && u <= 'Z') {
            if (dash && !slug.empty())
                slug += '-';
            slug += static_cast<char>(u - 'A' + 'a');
            dash = false;
        } else if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
            if (dash && !slug.empty())
                slug += '-';
            slug += c;
            dash = false;
        } else if (u < 0x80 || (u & 0xC0) == 0xC0) {
            // Spaces, punctuation and the first byte of a non-ASCII letter separate words;
            // UTF-8 continuation bytes add nothing ("één" -> "n" rather than "-n-").
            dash = true;
        }
    }
    if (slug.size() > 40) {
        slug.resize(40);
        while (!slug.empty() && slug.back() == '-')
            slug.pop_back();
    }
    if (slug.empty())
        slug = "bladwijzer";
    char number[16];
    std::snprintf(number, sizeof number, "%02d-", index + 1);
    std::string name = number + slug;
    if (!extension.empty()) {
        name += '.';
        name += extension;
    }
    return name;
}

double EaseInOut(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

ViewCamera InterpolateCamera(const ViewCamera& from, const ViewCamera& to, double t)
{
    ViewCamera c = to;
    c.centre.x = from.centre.x + (to.centre.x - from.centre.x) * t;
    c.centre.y = from.centre.y + (to.centre.y - from.centre.y) * t;
    if (from.units_per_pixel > 0 && to.units_per_pixel > 0)
        c.units_per_pixel =
            std::exp(std::log(from.units_per_pixel) + (std::log(to.units_per_pixel) - std::log(from.units_per_pixel)) * t);
    return c;
}

} // namespace vak::core
