// Inter-annotator agreement on a run's failure annotations: Cohen's kappa per label for two
// annotators (with the 2x2 and label x label confusion matrices), Fleiss' kappa per label for
// three or more. Items are annotationItem()s; an annotator judged an item when they annotated
// anything on that item's user in the run, and then said yes or no to each label on it.
#pragma once

#include "model/Annotation.h"

#include <optional>
#include <string>
#include <vector>

namespace r2p::metrics {

// Observed and chance agreement and the kappa from them. `kappa` is empty when it is undefined
// (chance agreement is 1, e.g. nobody ever used the label, or there are no items).
struct Kappa {
    double observed = 0; // p_o (Cohen) or P-bar (Fleiss)
    double expected = 0; // p_e or P-bar_e
    std::optional<double> kappa;
};

// Two raters, one yes/no question: rows are A's answer, columns B's.
struct BinaryConfusion {
    int yesYes = 0;
    int yesNo = 0; // A yes, B no
    int noYes = 0; // A no, B yes
    int noNo = 0;
    int total() const { return yesYes + yesNo + noYes + noNo; }
};
Kappa cohenKappa(const BinaryConfusion& c);

// Fleiss' kappa over `counts[item][category]` = how many raters put the item in the category;
// every item must have the same number of raters (at least two), else the kappa is undefined.
Kappa fleissKappa(const std::vector<std::vector<int>>& counts);

struct CohenLabelAgreement {
    std::string label;
    BinaryConfusion confusion; // over the items both judged
    Kappa kappa;
};

struct CohenAgreement {
    std::string annotatorA, annotatorB; // in name order
    int items = 0;                      // items both judged
    std::vector<CohenLabelAgreement> labels;
    // matrixLabels = the labels, then "(none)"; matrix[i][j] = items both judged where A gave
    // label i and B gave label j ("(none)": gave no label to that item).
    std::vector<std::string> matrixLabels;
    std::vector<std::vector<int>> matrix;
};

struct FleissLabelAgreement {
    std::string label;
    std::vector<int> yesCounts; // per item of FleissAgreement::items: annotators who said yes
    Kappa kappa;
};

struct FleissAgreement {
    std::vector<std::string> annotators; // in name order
    std::vector<AnnotationItem> items;   // judged by all of them, sorted
    std::vector<FleissLabelAgreement> labels;
};

struct AgreementReport {
    std::int64_t runId = 0;
    std::vector<std::string> annotators;   // everyone who annotated the run, in name order
    std::vector<AnnotationItem> items;     // everything anyone annotated, sorted
    std::vector<std::string> labels;       // the labels compared
    std::optional<CohenAgreement> cohen;   // exactly two annotators
    std::optional<FleissAgreement> fleiss; // three or more
};

// `annotations` are one run's (others are ignored, as is anything of another run than the
// first one's). `labels`: the taxonomy's label ids in its order; labels used in annotations but
// missing there are compared too, after them.
AgreementReport computeAgreement(const std::vector<Annotation>& annotations,
                                 const std::vector<std::string>& labels);
// The taxonomy's label ids, in order.
std::vector<std::string> labelIds(const Taxonomy& taxonomy);

// The report as JSON text (an undefined kappa is null with "kappa_defined": false; never NaN).
std::string agreementJson(const AgreementReport& report, int indent = 2);

} // namespace r2p::metrics
