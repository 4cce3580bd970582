#include "TemplateStore.h"

#include "Sha256.h"
#include "Sqlite.h"
#include "Util.h"

namespace r2p {

std::string sha256Hex(const std::string& text) {
    Sha256 h;
    h.update(text);
    const auto digest = h.digest();
    return Sha256::hex(
        std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

namespace {

constexpr const char* kColumns = "sha256, template_id, version, task, source, created_at";

StoredTemplate rowOf(const sql::Statement& st, bool withText) {
    StoredTemplate t;
    t.sha256 = st.text(0);
    t.templateId = st.text(1);
    t.version = static_cast<int>(st.int64(2));
    t.task = parseTaskName(st.text(3)).value_or(TaskId::Invalid);
    t.source = st.text(4);
    t.createdAt = st.text(5);
    if (withText)
        t.text = st.text(6);
    return t;
}

} // namespace

Result<StoredTemplate> TemplateStore::put(StoredTemplate t) const {
    t.sha256 = sha256Hex(t.text);
    if (auto existing = byHash(t.sha256); !existing)
        return existing.error();
    else if (existing->has_value())
        return std::move(**existing);
    if (store_.readOnly())
        return Error{store_.path() + ": the project is read-only; template \"" + t.templateId +
                     "\" version " + std::to_string(t.version) + " cannot be stored"};
    t.createdAt = nowIsoUtc();
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(),
                      "INSERT INTO hrt_templates(sha256, template_id, version, task, source, "
                      "created_at, text) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, t.sha256)
        .bind(2, t.templateId)
        .bind(3, std::int64_t{t.version})
        .bind(4, t.task == TaskId::Invalid ? std::string_view() : taskSpec(t.task).name)
        .bind(5, t.source)
        .bind(6, t.createdAt)
        .bind(7, t.text);
    if (auto s = st.run(); !s)
        return Error{store_.path() + ": cannot store template \"" + t.templateId + "\" version " +
                     std::to_string(t.version) + ": " + s.error().message};
    return t;
}

Result<std::vector<StoredTemplate>> TemplateStore::list() const {
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(), std::string("SELECT ") + kColumns +
                                           " FROM hrt_templates ORDER BY created_at, rowid");
    std::vector<StoredTemplate> out;
    while (st.step())
        out.push_back(rowOf(st, false));
    if (st.failed())
        return Error{store_.path() + ": cannot list the stored templates: " + st.error()};
    return out;
}

Result<std::optional<StoredTemplate>> TemplateStore::byHash(const std::string& shaOrPrefix) const {
    if (shaOrPrefix.size() < 8 || shaOrPrefix.size() > 64 ||
        shaOrPrefix.find_first_not_of("0123456789abcdef") != std::string::npos)
        return Error{"\"" + shaOrPrefix +
                     "\" is not a template hash (8 to 64 lower-case hex digits)"};
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(), std::string("SELECT ") + kColumns +
                                           ", text FROM hrt_templates WHERE substr(sha256, 1, "
                                           "?2) = ?1 LIMIT 2");
    st.bind(1, shaOrPrefix).bind(2, static_cast<std::int64_t>(shaOrPrefix.size()));
    std::optional<StoredTemplate> found;
    while (st.step()) {
        if (found)
            return Error{"template hash \"" + shaOrPrefix +
                         "\" is ambiguous in this project; give more digits"};
        found = rowOf(st, true);
    }
    if (st.failed())
        return Error{store_.path() + ": cannot read the stored templates: " + st.error()};
    return found;
}

Result<std::optional<StoredTemplate>> TemplateStore::byVersion(const std::string& templateId,
                                                               int version) const {
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(),
                      std::string("SELECT ") + kColumns +
                          ", text FROM hrt_templates WHERE template_id = ?1 AND version = ?2 "
                          "ORDER BY created_at DESC, rowid DESC LIMIT 1");
    st.bind(1, templateId).bind(2, std::int64_t{version});
    if (st.step())
        return std::optional<StoredTemplate>(rowOf(st, true));
    if (st.failed())
        return Error{store_.path() + ": cannot read the stored templates: " + st.error()};
    return std::optional<StoredTemplate>();
}

Result<int> TemplateStore::highestVersion(const std::string& templateId) const {
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(),
                      "SELECT COALESCE(MAX(version), 0) FROM hrt_templates WHERE template_id = ?1");
    st.bind(1, templateId);
    if (!st.step())
        return Error{store_.path() + ": cannot read the stored templates: " + st.error()};
    return static_cast<int>(st.int64(0));
}

} // namespace r2p
