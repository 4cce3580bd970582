#include "UserFilter.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace r2p::ui {

UserFilter UserFilter::parse(const QString& text) {
    UserFilter f;
    static const QRegularExpression compare(
        QStringLiteral("^(profile|delta|tag-score)(<=|>=|<|>|=)(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QStringList words =
        text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString& word : words) {
        Term t;
        if (const auto m = compare.match(word); m.hasMatch()) {
            const QString op = m.captured(2);
            bool ok = false;
            const QString key = m.captured(1).toLower();
            const bool delta = key == QLatin1String("delta");
            const bool score = key == QLatin1String("tag-score");
            if (delta || score)
                t.value = m.captured(3).toDouble(&ok);
            else
                t.number = m.captured(3).toLongLong(&ok);
            if (!ok) {
                f.error_ =
                    delta ? QCoreApplication::translate("r2p::ui::UserFilter",
                                                        "“%1”: delta needs a number, e.g. delta<0")
                                .arg(word)
                    : score ? QCoreApplication::translate(
                                  "r2p::ui::UserFilter",
                                  "“%1”: tag-score needs a number, e.g. tag-score<0.8")
                                  .arg(word)
                            : QCoreApplication::translate(
                                  "r2p::ui::UserFilter",
                                  "“%1”: profile needs a number, e.g. profile>50")
                                  .arg(word);
                return f;
            }
            t.field = delta ? Field::Delta : score ? Field::TagScore : Field::Profile;
            t.op = op == QLatin1String("<")    ? Op::Less
                   : op == QLatin1String("<=") ? Op::LessEqual
                   : op == QLatin1String(">")  ? Op::Greater
                   : op == QLatin1String(">=") ? Op::GreaterEqual
                                               : Op::Equal;
        } else if (word.contains(QLatin1Char(':'))) {
            const QString key = word.section(QLatin1Char(':'), 0, 0).toLower();
            t.text = word.section(QLatin1Char(':'), 1);
            if (key == QLatin1String("id"))
                t.field = Field::Id;
            else if (key == QLatin1String("gold"))
                t.field = Field::Gold;
            else if (key == QLatin1String("user"))
                t.field = Field::User;
            else if (key == QLatin1String("has") && t.text.toLower() == QLatin1String("gold"))
                t.field = Field::HasGold;
            else if (key == QLatin1String("no") && t.text.toLower() == QLatin1String("gold"))
                t.field = Field::NoGold;
            else if (key == QLatin1String("is") && t.text.toLower() == QLatin1String("worse"))
                t.field = Field::Worse;
            else if (key == QLatin1String("is") && t.text.toLower() == QLatin1String("better"))
                t.field = Field::Better;
            else if (key == QLatin1String("is") && t.text.toLower() == QLatin1String("tie"))
                t.field = Field::Tie;
            else if (key == QLatin1String("has") &&
                     (t.text.toLower() == QLatin1String("intervention") ||
                      t.text.toLower() == QLatin1String("rpi")))
                t.field = Field::HasIntervention;
            else if (key == QLatin1String("has") &&
                     t.text.toLower() == QLatin1String("contradicted"))
                t.field = Field::HasContradicted;
            else if (key == QLatin1String("has") && t.text.toLower() == QLatin1String("failed"))
                t.field = Field::HasFailed;
            else if (key == QLatin1String("has") &&
                     t.text.toLower() == QLatin1String("format-failure"))
                t.field = Field::HasFormatFailure;
            else if ((key == QLatin1String("has") || key == QLatin1String("no")) &&
                     t.text.toLower() == QLatin1String("annotation"))
                t.field = key == QLatin1String("has") ? Field::HasAnnotation : Field::NoAnnotation;
            else if (key == QLatin1String("has") &&
                     t.text.toLower() == QLatin1String("earlier-annotation"))
                t.field = Field::HasEarlierAnnotation;
            else if (key == QLatin1String("label") && !t.text.isEmpty())
                t.field = Field::Label;
            else if (key == QLatin1String("has") &&
                     t.text.toLower() == QLatin1String("tag-violation"))
                t.field = Field::HasTagViolation;
            else if (key == QLatin1String("missing-tag") && !t.text.isEmpty())
                t.field = Field::MissingTag;
            else {
                f.error_ = QCoreApplication::translate(
                               "r2p::ui::UserFilter",
                               "“%1”: unknown filter; use id:, gold:, user:, profile>N, has:gold, "
                               "is:worse, is:better, delta<X, has:intervention, has:contradicted, "
                               "has:annotation, no:annotation, label:ID, has:tag-violation, "
                               "missing-tag:ID, "
                               "tag-score<X")
                               .arg(word);
                return f;
            }
        } else {
            t.text = word;
        }
        f.terms_.push_back(t);
    }
    return f;
}

bool UserFilter::mentionsAnnotations() const {
    return std::any_of(terms_.begin(), terms_.end(), [](const Term& t) {
        return t.field == Field::HasAnnotation || t.field == Field::NoAnnotation ||
               t.field == Field::HasEarlierAnnotation || t.field == Field::Label;
    });
}

bool UserFilter::mentionsTags() const {
    return std::any_of(terms_.begin(), terms_.end(), [](const Term& t) {
        return t.field == Field::HasTagViolation || t.field == Field::MissingTag ||
               t.field == Field::TagScore;
    });
}

namespace {
// a OP b; "=" and ":" both mean equal.
template <typename Op, typename T> bool compareBy(Op op, T a, T b) {
    switch (op) {
    case Op::Less:
        return a < b;
    case Op::LessEqual:
        return a <= b;
    case Op::Greater:
        return a > b;
    case Op::GreaterEqual:
        return a >= b;
    case Op::Equal:
    case Op::Contains:
        return a == b;
    }
    return false;
}
} // namespace

bool UserFilter::accepts(const UserIndexEntry& user, const RunResults* run,
                         const AnnotationCounts* notes, const TagFacts* tags) const {
    const UserRunRow* row = run ? run->row(user.id) : nullptr;
    const UserTagFacts* tagged = nullptr;
    if (run && tags)
        if (const auto it = tags->find(user.id); it != tags->end())
            tagged = &it->second;
    auto contains = [](const std::string& hay, const QString& needle) {
        return QString::fromStdString(hay).contains(needle, Qt::CaseInsensitive);
    };
    for (const Term& t : terms_) {
        bool ok = true;
        switch (t.field) {
        case Field::Any:
            ok = contains(user.id, t.text) || (user.hasGold && contains(user.gold, t.text));
            break;
        case Field::Id:
            ok = contains(user.id, t.text);
            break;
        case Field::Gold:
            ok = user.hasGold && contains(user.gold, t.text);
            break;
        case Field::User:
            ok = contains(user.userId, t.text);
            break;
        case Field::HasGold:
            ok = user.hasGold;
            break;
        case Field::NoGold:
            ok = !user.hasGold;
            break;
        case Field::Worse:
            ok = row && run->worse(*row);
            break;
        case Field::Better:
            ok = row && run->better(*row);
            break;
        case Field::Tie:
            ok = row && row->comparable() && !run->better(*row) && !run->worse(*row);
            break;
        case Field::HasIntervention:
            ok = row && row->interventions > 0;
            break;
        case Field::HasContradicted:
            ok = row && row->contradicted > 0;
            break;
        case Field::HasFailed:
            ok = row && row->failed;
            break;
        case Field::HasFormatFailure:
            ok = row && row->hasR2p && !row->failed && !row->r2pFormatOk;
            break;
        case Field::HasAnnotation:
            ok = row && notes && notes->onRunOf(user.id) > 0;
            break;
        case Field::NoAnnotation:
            ok = row && (!notes || notes->onRunOf(user.id) == 0);
            break;
        case Field::HasEarlierAnnotation:
            ok = notes && notes->onOtherRuns.count(user.id) > 0;
            break;
        case Field::Label: {
            ok = false;
            if (!notes)
                break;
            const auto it = notes->labels.find(user.id);
            if (it != notes->labels.end())
                for (const std::string& l : it->second)
                    ok = ok || QString::fromStdString(l).compare(t.text, Qt::CaseInsensitive) == 0;
            break;
        }
        case Field::Delta:
            ok = row && row->comparable() && compareBy(t.op, row->delta(), t.value);
            break;
        case Field::Profile:
            ok = compareBy(t.op, static_cast<qint64>(user.profileSize), t.number);
            break;
        case Field::HasTagViolation:
            ok = tagged && tagged->violation;
            break;
        case Field::MissingTag:
            ok = tagged && !std::binary_search(tagged->inEvery.begin(), tagged->inEvery.end(),
                                               t.text.toLower().toStdString());
            break;
        case Field::TagScore:
            ok = tagged && compareBy(t.op, tagged->minScore, t.value);
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace r2p::ui
