import InflowCore
import Testing

/// The FIPS 180-4 example vectors (and the one-block/two-block boundary).
@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-4 examples")
    func vectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("updates in pieces give the digest of the whole")
    func incremental() {
        let message = Array("The quick brown fox jumps over the lazy dog, 64 bytes and then some more.".utf8)
        var hasher = SHA256()
        hasher.update(message[..<10])
        hasher.update(message[10..<64])
        hasher.update(message[64...])
        #expect(hasher.finalize() == { var h = SHA256(); h.update(message); return h.finalize() }())
    }
}
