import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// The account as the Account view and `defaults show` present it.
public struct AccountOverview: Sendable, Hashable {
    public var username: String
    public var balanceCents: Int64?
    public var currency: String
    /// As the provider words it (`Regular Pricing`); empty when unknown.
    public var priceLevel: String
    /// `regular`, `bulk`, `superBulk`; empty when unknown.
    public var tier: String
    /// Defaults for new domains, as `account_info` last reported them.
    public var defaults: [DefaultSetting]
    public var fetchedAtMs: Int64
}

extension FolderSetting {
    /// The account-default twin of this setting: `set_default_*`, or
    /// `set_clear_default_setting`.
    public var defaultCommandShape: CommandShape {
        switch self {
        case .hosting(let type):
            return CommandShape(command: "set_default_hosting", parameters: [QueryParameter("hosting_type", type)])
        case .clear(let service):
            return CommandShape(command: "set_clear_default_setting", parameters: [QueryParameter("service", service.rawValue)])
        case .edit(let edit):
            let shape = edit.commandShape(expiryYear: nil)
            return CommandShape(command: shape.command.replacingOccurrences(of: "set_", with: "set_default_"),
                                parameters: shape.parameters)
        }
    }
}

extension SyncEngine {
    /// What the account row keeps besides its columns: the price level as
    /// worded and the defaults (`account_info`'s `DefaultSettings`).
    static func accountExtra(_ info: AccountInfo) -> String {
        JSONValue.object(["price_level": .string(info.priceLevel ?? ""), "defaults": info.defaultSettings]).serialized()
    }

    /// The cached account; nil before the first sync.
    public func accountOverview() throws -> AccountOverview? {
        guard let row = try store.account() else { return nil }
        let extra = row.extraJSON.flatMap { try? JSONValue.parse(Data($0.utf8)) } ?? .null
        return AccountOverview(username: row.username, balanceCents: row.balanceCents, currency: row.currency,
                               priceLevel: extra["price_level"]?.text ?? "", tier: row.tier,
                               defaults: DefaultSetting.parse(extra["defaults"]?.fields ?? [:]), fetchedAtMs: row.fetchedAtMs)
    }

    /// Reads `account_info` (and the balance) into the cache now.
    @discardableResult
    public func refreshAccount() async throws -> AccountOverview? {
        let client = try requireClient()
        try await mapped {
            let info = try AccountInfo(try await client.send(APIRequest("account_info")))
            let balance = try AccountBalances(try await client.send(APIRequest("get_account_balance"))).balances.first ?? info.balance
            try store.saveAccount(AccountRow(username: info.username ?? "", tier: info.tier?.rawValue ?? "",
                                             balanceCents: balance?.cents, currency: balance?.currency ?? "USD",
                                             extraJSON: Self.accountExtra(info), fetchedAtMs: store.nowMs))
        }
        return try accountOverview()
    }

    /// Sets (or clears) one default for new domains now, with one
    /// `set_default_*` / `set_clear_default_setting` call, then reads the
    /// account again. Returns the call it made.
    @discardableResult
    public func setAccountDefault(_ setting: FolderSetting) async throws -> CommandShape {
        try validate(setting)
        let shape = setting.defaultCommandShape
        try await sendNow(APIRequest(shape.command, parameters: shape.parameters))
        logger.info("account default set", metadata: ["command": "\(shape.command)"])
        try await refreshAccount()
        return shape
    }
}
