// The Users filter line: plain words match id or gold; `id:`, `gold:`, `user:` match one column;
// `profile>N` (also <, >=, <=, =) compares profile sizes; `has:gold` / `no:gold`. All terms must
// hold. Parsing reports the first bad term so the field can colour itself invalid.
#pragma once

#include "model/Dataset.h"

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
    bool accepts(const UserIndexEntry& user) const;

private:
    enum class Field { Any, Id, Gold, User, Profile, HasGold, NoGold };
    enum class Op { Contains, Less, LessEqual, Greater, GreaterEqual, Equal };
    struct Term {
        Field field = Field::Any;
        Op op = Op::Contains;
        QString text;
        qint64 number = 0;
    };
    std::vector<Term> terms_;
    QString error_;
};

} // namespace r2p::ui
