import DynadotAPI
import Foundation
import Testing

/// The auction answers as the reference prints them (issue 18): the newer
/// commands without an envelope and in lower case, the older ones in the
/// capitalised `…Response` vocabulary.
@Suite struct AuctionDecodingTests {
    @Test func openAuctionsWithoutAnEnvelope() throws {
        let body = """
        {"status": "success", "auction_list": [{"auction_id": 11, "domain": "example.com", "utf_name": "example.com",
         "is_idn": false, "auction_type": "expired", "currency": "USD", "current_bid_price": "124.00", "bids": 4,
         "bidders": 2, "time_left": "1 day, 23 hours", "end_time": "2022/04/04 02:20 PST", "end_time_stamp": 1649064034033}]}
        """
        let response = try decodeFixture("get_open_auctions", body)
        #expect(response.envelope == "")
        let list = try AuctionList(response).auctions
        #expect(list.count == 1)
        #expect(list.first?.id == "11")
        #expect(list.first?.currentBid?.cents == 12_400)
        #expect(list.first?.endMs == 1_649_064_034_033)
        #expect(list.first?.bidders == 2)
        #expect(list.first?.yourProxyBid == nil)
    }

    @Test func aRefusalWithoutAnEnvelopeIsAnError() throws {
        let response = try decodeFixture("place_auction_bid", #"{"status": "error", "error": "auction ended"}"#)
        let failure = decodingFailure { _ = try AuctionDetails(response) }
        guard case .providerRefused(_, _, let message)? = failure else {
            Issue.record("expected a refusal, got \(String(describing: failure))")
            return
        }
        #expect(message == "auction ended")
    }

    @Test func detailsAsAListOrOneObjectWithHistory() throws {
        let listed = """
        {"status": "success", "size": 1, "auction_details": [{"auction_json": {"auction_id": 0, "domain": "a.com",
         "auction_type": "expired", "current_bid_price": "46.99", "accepted_bid_price": "46.99", "currency": "USD",
         "is_high_bidder": false, "auction_status_id": 0, "auction_ended": false, "customer_bided": false,
         "customer_bid": "1", "customer_proxy_bid": "1"}, "bid_history": []}]}
        """
        let detail = try #require(try AuctionDetails(try decodeFixture("get_auction_details", listed)).details.first)
        #expect(detail.auction.minimumBid?.cents == 4_699)
        #expect(detail.auction.yourBid == nil, "customer_bided false: no bid, whatever customer_bid says")
        #expect(detail.auction.ended == false)
        let placed = """
        {"status": "success", "auction_details": {"auction_json": {"auction_id": 12, "domain": "b.com",
         "current_bid_price": "44.99", "is_high_bidder": true, "customer_bided": true, "customer_bid": "44.99",
         "customer_proxy_bid": "$121.00", "auction_ended": false}, "bid_history": [{"bidder_name": "You",
         "bid_price": "44.99", "currency": "USD", "timestamp": 1648892255084, "bid_status": "High Bidder"}]}}
        """
        let bid = try #require(try AuctionDetails(try decodeFixture("place_auction_bid", placed)).details.first)
        #expect(bid.auction.yourProxyBid?.cents == 12_100)
        #expect(bid.auction.isHighBidder == true)
        #expect(bid.history.map(\.bidder) == ["You"])
        #expect(bid.history.first?.atMs == 1_648_892_255_084)
    }

    @Test func bidsClosedAndBackorderShapes() throws {
        let bids = """
        {"status": "success", "auction_bids": [{"bid_id": 0, "auction_id": 11, "domain": "c.com", "auction_type": "expired",
         "current_bid": "$44.99", "your_status": "High Bidder", "proxy_bid": "$119.00", "active_bidders": 1,
         "end_time_stamp": 1649064034033}]}
        """
        let bid = try #require(try AuctionList(try decodeFixture("get_auction_bids", bids)).auctions.first)
        #expect(bid.isHighBidder == true)
        #expect(bid.yourProxyBid?.cents == 11_900)
        #expect(bid.currentBid?.cents == 4_499)
        let closed = """
        {"GetClosedAuctionsResponse": {"ResponseCode": 0, "Status": "success", "Auctions": [{"AuctionId": "2",
         "Domain": "testdomain1.test", "AuctionStatusId": "4", "AuctionStatus": "Closed by Timeout", "BidPrice": "89.99",
         "BidPriceCurrency": "USD", "Bids": "1", "AuctionWonStatus": "won", "YourHighBid": "89.99", "YourProxyBid": "1000.0"}]}}
        """
        let won = try #require(try AuctionList(try decodeFixture("get_closed_auctions", closed)).auctions.first)
        #expect(won.won == true)
        #expect(won.ended)
        #expect(won.yourProxyBid?.cents == 100_000)
        let backorder = """
        {"GetBackorderAuctionDetailsResponse": {"ResponseCode": 0, "Status": "success", "GetBackorderAuctionDetails": {
         "AuctionStatusId": "0", "AuctionStatus": "In Progress", "UserIsHighBid": "no", "YourCurrentBid": "-1",
         "YourProxyBid": "-1", "Auction": {"AuctionId": "10001", "Domain": "d.com", "BidPrice": "89.99",
         "BidPriceCurrency": "USD", "Bids": "0", "EndTime": "2015/04/28 18:16 UTC", "EndTimestamp": "1430244969779"}}}}
        """
        let detail = try #require(try AuctionDetails(try decodeFixture("get_backorder_auction_details", backorder)).details.first)
        #expect(detail.auction.type == "backorder")
        #expect(detail.auction.yourBid == nil && detail.auction.yourProxyBid == nil, "-1 means none")
        #expect(detail.auction.isHighBidder == false)
        #expect(detail.auction.endMs == 1_430_244_969_779)
        #expect(detail.auction.status == "In Progress")
    }

    @Test func closeoutsWrappedInCamelCaseOrFlatAndCapitalised() throws {
        let wrapped = """
        {"GetExpiredCloseoutDomainsResponse": {"ResponseCode": 0, "Status": "success", "Size": 1, "CloseoutDomains": [
         {"closeoutItem": {"domainName": "e.com", "domainNameUtf": "e.com", "currentPrice": "9.91", "isIdn": false,
          "endTimeStamp": 0, "renewalPrice": "9.99", "currency": "usd"}}]}}
        """
        let item = try #require(try CloseoutList(try decodeFixture("get_expired_closeout_domains", wrapped)).domains.first)
        #expect(item.domain == "e.com")
        #expect(item.price?.cents == 991)
        #expect(item.price?.currency == "USD")
        #expect(item.renewalPrice?.cents == 999)
        #expect(item.endMs == nil, "0 means unknown")
        let flat = """
        {"GetExpiredCloseoutDomainsResponse": {"ResponseCode": "0", "Status": "success", "CloseoutDomains": [
         {"DomainName": "F.com", "CurrentPrice": "$12.00", "EndTimeStamp": "1430244969779"}]}}
        """
        let other = try #require(try CloseoutList(try decodeFixture("get_expired_closeout_domains", flat)).domains.first)
        #expect(other.domain == "f.com")
        #expect(other.price?.cents == 1_200)
        #expect(other.endMs == 1_430_244_969_779)
    }
}
