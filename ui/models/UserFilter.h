// The Users filter line: plain words match id or gold; `id:`, `gold:`, `user:` match one column;
// `profile>N` (also <, >=, <=, =) compares profile sizes; `has:gold` / `no:gold`. With a run
// shown: `is:worse` / `is:better` / `is:tie` (R2P against the baseline), `delta<X` (also >, <=,
// >=, =; in the metric's units), `has:intervention`, `has:contradicted`, `has:failed`,
// `has:format-failure` (R2P's raw answer not in the task's format), `has:annotation` /
// `no:annotation`, `has:earlier-annotation` (annotated on another run), `label:ID`; on tagged
// chains (TagPR): `has:tag-violation` (a chain breaks a tag constraint), `missing-tag:ID` (a
// chain lacks the tag), `tag-score<X` (also >, <=, >=, =; the lowest constraint score of the
// user's chains). All terms must hold. Parsing reports the first bad term so the field can colour
// itself invalid.
#pragma once

#include "model/Dataset.h"
#include "ui/RunResults.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace r2p::ui {

class UserFilter {
public:
    // An empty filter accepts everything.
    static UserFilter parse(const QString& text);
    bool valid() const { return error_.isEmpty(); }
    QString error() const { return error_; }
    bool isEmpty() const { return terms_.empty(); }
    // Some term depends on annotations (the filter is applied again when they change).
    bool mentionsAnnotations() const;
    // Some term reads tagged chains (the caller then hands accepts() the run's TagFacts).
    bool mentionsTags() const;
    // Run terms never match when `run` is null (no run is shown).
    // Tag terms never match without `tags`.
    bool accepts(const UserIndexEntry& user, const RunResults* run = nullptr,
                 const AnnotationCounts* notes = nullptr, const TagFacts* tags = nullptr) const;

private:
    enum class Field {
        Any,
        Id,
        Gold,
        User,
        Profile,
        HasGold,
        NoGold,
        Worse,
        Better,
        Tie,
        Delta,
        HasIntervention,
        HasContradicted,
        HasFailed,
        HasFormatFailure,
        HasAnnotation,
        NoAnnotation,
        HasEarlierAnnotation,
        Label,
        HasTagViolation,
        MissingTag,
        TagScore
    };
    enum class Op { Contains, Less, LessEqual, Greater, GreaterEqual, Equal };
    struct Term {
        Field field = Field::Any;
        Op op = Op::Contains;
        QString text;
        qint64 number = 0;
        double value = 0; // delta, tag-score
    };
    std::vector<Term> terms_;
    QString error_;
};

} // namespace r2p::ui
