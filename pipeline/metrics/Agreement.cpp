#include "Agreement.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace r2p::metrics {

namespace {

using OrderedJson = nlohmann::ordered_json;

// Chance agreement this close to 1 leaves no disagreement to measure.
constexpr double kDegenerate = 1e-12;

std::optional<double> kappaFrom(double observed, double expected) {
    if (!(1.0 - expected > kDegenerate))
        return std::nullopt;
    return (observed - expected) / (1.0 - expected);
}

OrderedJson kappaJson(const Kappa& k) {
    OrderedJson j;
    j["kappa"] = k.kappa ? OrderedJson(*k.kappa) : OrderedJson(nullptr);
    j["kappa_defined"] = k.kappa.has_value();
    j["observed"] = k.observed;
    j["expected"] = k.expected;
    return j;
}

OrderedJson itemJson(const AnnotationItem& item) {
    return {{"user", item.userId},
            {"system", std::string(systemName(item.system))},
            {"item", annotationItemName(item)}};
}

} // namespace

Kappa cohenKappa(const BinaryConfusion& c) {
    Kappa k;
    const int n = c.total();
    if (n <= 0)
        return k;
    const double total = n;
    k.observed = (c.yesYes + c.noNo) / total;
    const double aYes = (c.yesYes + c.yesNo) / total;
    const double bYes = (c.yesYes + c.noYes) / total;
    k.expected = aYes * bYes + (1.0 - aYes) * (1.0 - bYes);
    k.kappa = kappaFrom(k.observed, k.expected);
    return k;
}

Kappa fleissKappa(const std::vector<std::vector<int>>& counts) {
    Kappa k;
    if (counts.empty() || counts.front().empty())
        return k;
    const std::size_t categories = counts.front().size();
    long long raters = 0;
    for (int v : counts.front())
        raters += v;
    if (raters < 2)
        return k;
    std::vector<double> perCategory(categories, 0.0);
    double sumP = 0;
    for (const auto& row : counts) {
        if (row.size() != categories)
            return k;
        long long n = 0, squares = 0;
        for (std::size_t j = 0; j < categories; ++j) {
            if (row[j] < 0)
                return k;
            n += row[j];
            squares += static_cast<long long>(row[j]) * row[j];
            perCategory[j] += row[j];
        }
        if (n != raters)
            return k; // Fleiss' kappa needs the same number of ratings per item
        sumP += static_cast<double>(squares - raters) / static_cast<double>(raters * (raters - 1));
    }
    const double items = static_cast<double>(counts.size());
    k.observed = sumP / items;
    for (double c : perCategory) {
        const double p = c / (items * static_cast<double>(raters));
        k.expected += p * p;
    }
    k.kappa = kappaFrom(k.observed, k.expected);
    return k;
}

std::vector<std::string> labelIds(const Taxonomy& taxonomy) {
    std::vector<std::string> ids;
    for (const auto& l : taxonomy.labels)
        ids.push_back(l.id);
    return ids;
}

AgreementReport computeAgreement(const std::vector<Annotation>& annotations,
                                 const std::vector<std::string>& labels) {
    AgreementReport report;
    if (annotations.empty()) {
        report.labels = labels;
        return report;
    }
    report.runId = annotations.front().runId;

    // Who reviewed which user, and which labels each gave to each item.
    std::map<std::string, std::set<std::string>> reviewed;
    std::map<std::string, std::map<AnnotationItem, std::set<std::string>>> gave;
    std::set<AnnotationItem> items;
    std::set<std::string> extra;
    for (const auto& a : annotations) {
        if (a.runId != report.runId)
            continue;
        const AnnotationItem item = annotationItem(a);
        reviewed[a.annotator].insert(a.userId);
        gave[a.annotator][item].insert(a.label);
        items.insert(item);
        if (std::find(labels.begin(), labels.end(), a.label) == labels.end())
            extra.insert(a.label);
    }
    for (const auto& [name, users] : reviewed)
        report.annotators.push_back(name);
    report.items.assign(items.begin(), items.end());
    report.labels = labels;
    report.labels.insert(report.labels.end(), extra.begin(), extra.end());

    auto judged = [&](const std::string& annotator, const AnnotationItem& item) {
        return reviewed[annotator].count(item.userId) > 0;
    };
    auto said = [&](const std::string& annotator, const AnnotationItem& item,
                    const std::string& label) {
        const auto& byItem = gave[annotator];
        const auto it = byItem.find(item);
        return it != byItem.end() && it->second.count(label) > 0;
    };

    if (report.annotators.size() == 2) {
        CohenAgreement c;
        c.annotatorA = report.annotators[0];
        c.annotatorB = report.annotators[1];
        std::vector<AnnotationItem> both;
        for (const auto& item : report.items)
            if (judged(c.annotatorA, item) && judged(c.annotatorB, item))
                both.push_back(item);
        c.items = static_cast<int>(both.size());
        for (const auto& label : report.labels) {
            CohenLabelAgreement l;
            l.label = label;
            for (const auto& item : both) {
                const bool a = said(c.annotatorA, item, label);
                const bool b = said(c.annotatorB, item, label);
                ++(a ? (b ? l.confusion.yesYes : l.confusion.yesNo)
                     : (b ? l.confusion.noYes : l.confusion.noNo));
            }
            l.kappa = cohenKappa(l.confusion);
            c.labels.push_back(std::move(l));
        }
        c.matrixLabels = report.labels;
        c.matrixLabels.push_back("(none)");
        const std::size_t none = c.matrixLabels.size() - 1;
        c.matrix.assign(c.matrixLabels.size(), std::vector<int>(c.matrixLabels.size(), 0));
        auto indices = [&](const std::string& annotator, const AnnotationItem& item) {
            std::vector<std::size_t> out;
            for (std::size_t i = 0; i < report.labels.size(); ++i)
                if (said(annotator, item, report.labels[i]))
                    out.push_back(i);
            if (out.empty())
                out.push_back(none);
            return out;
        };
        for (const auto& item : both)
            for (std::size_t i : indices(c.annotatorA, item))
                for (std::size_t j : indices(c.annotatorB, item))
                    ++c.matrix[i][j];
        report.cohen = std::move(c);
    } else if (report.annotators.size() >= 3) {
        FleissAgreement f;
        f.annotators = report.annotators;
        for (const auto& item : report.items)
            if (std::all_of(f.annotators.begin(), f.annotators.end(),
                            [&](const std::string& a) { return judged(a, item); }))
                f.items.push_back(item);
        const int raters = static_cast<int>(f.annotators.size());
        for (const auto& label : report.labels) {
            FleissLabelAgreement l;
            l.label = label;
            std::vector<std::vector<int>> counts;
            for (const auto& item : f.items) {
                int yes = 0;
                for (const auto& a : f.annotators)
                    yes += said(a, item, label) ? 1 : 0;
                l.yesCounts.push_back(yes);
                counts.push_back({yes, raters - yes});
            }
            l.kappa = fleissKappa(counts);
            f.labels.push_back(std::move(l));
        }
        report.fleiss = std::move(f);
    }
    return report;
}

std::string agreementJson(const AgreementReport& report, int indent) {
    OrderedJson root;
    root["run"] = report.runId;
    root["annotators"] = report.annotators;
    root["items"] = report.items.size();
    root["labels"] = report.labels;
    if (report.cohen) {
        const auto& c = *report.cohen;
        root["method"] = "cohen";
        OrderedJson labels = OrderedJson::array();
        for (const auto& l : c.labels) {
            OrderedJson j{{"label", l.label}};
            j.update(kappaJson(l.kappa));
            j["confusion"] = {{"yes_yes", l.confusion.yesYes},
                              {"yes_no", l.confusion.yesNo},
                              {"no_yes", l.confusion.noYes},
                              {"no_no", l.confusion.noNo}};
            labels.push_back(std::move(j));
        }
        root["cohen"] = {{"annotators", {c.annotatorA, c.annotatorB}},
                         {"items", c.items},
                         {"labels", std::move(labels)},
                         {"label_matrix",
                          {{"rows", c.annotatorA},
                           {"columns", c.annotatorB},
                           {"labels", c.matrixLabels},
                           {"counts", c.matrix}}}};
    } else if (report.fleiss) {
        const auto& f = *report.fleiss;
        root["method"] = "fleiss";
        OrderedJson items = OrderedJson::array();
        for (const auto& item : f.items)
            items.push_back(itemJson(item));
        OrderedJson labels = OrderedJson::array();
        for (const auto& l : f.labels) {
            OrderedJson j{{"label", l.label}};
            j.update(kappaJson(l.kappa));
            j["yes_counts"] = l.yesCounts;
            labels.push_back(std::move(j));
        }
        root["fleiss"] = {{"annotators", f.annotators},
                          {"items", std::move(items)},
                          {"labels", std::move(labels)}};
    } else {
        root["method"] = nullptr;
        root["note"] = "agreement needs annotations by at least two annotators";
    }
    return root.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace r2p::metrics
