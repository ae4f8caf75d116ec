// A small DEFLATE decoder (RFC 1951) for np.savez_compressed archives: stored, fixed-Huffman
// and dynamic-Huffman blocks. Canonical Huffman codes are decoded a bit at a time, in the
// manner of zlib's reference decoder puff.c: simple rather than fast.

struct InflateError: Error { let message: String }

struct Inflater {
    private let input: [UInt8]
    private var position = 0       // next byte
    private var bitBuffer = 0      // bits not yet used, LSB first
    private var bitCount = 0
    private(set) var output: [UInt8] = []
    private var limit = Int.max

    /// Decompresses raw DEFLATE data (no zlib or gzip header).
    /// Stops with an error past `limit` bytes of output (a corrupt or hostile stream).
    static func inflate(_ data: [UInt8], expectedSize: Int? = nil, limit: Int = .max) throws -> [UInt8] {
        var s = Inflater(input: data)
        s.limit = limit
        if let n = expectedSize { s.output.reserveCapacity(n) }
        try s.run()
        return s.output
    }

    private init(input: [UInt8]) { self.input = input }

    private mutating func bits(_ n: Int) throws -> Int {
        while bitCount < n {
            guard position < input.count else { throw InflateError(message: "compressed data is truncated") }
            bitBuffer |= Int(input[position]) << bitCount
            position += 1
            bitCount += 8
        }
        let v = bitBuffer & ((1 << n) - 1)
        bitBuffer >>= n
        bitCount -= n
        return v
    }

    /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: [Int]) throws {
            symbols = [Int](repeating: 0, count: lengths.count)
            for l in lengths { counts[l] += 1 }
            var offsets = [Int](repeating: 0, count: 16)
            for l in 1..<15 { offsets[l + 1] = offsets[l] + counts[l] }
            for (sym, l) in lengths.enumerated() where l != 0 {
                symbols[offsets[l]] = sym
                offsets[l] += 1
            }
        }
    }

    private mutating func decode(_ h: Huffman) throws -> Int {
        var code = 0, first = 0, index = 0
        for len in 1...15 {
            code |= try bits(1)
            let count = h.counts[len]
            if code - count < first { return h.symbols[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw InflateError(message: "invalid Huffman code")
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    private mutating func run() throws {
        var last = 0
        repeat {
            last = try bits(1)
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(Inflater.fixedLengths, Inflater.fixedDistances)
            case 2:
                let (l, d) = try dynamicTables()
                try codes(l, d)
            default: throw InflateError(message: "invalid block type")
            }
        } while last == 0
    }

    private mutating func stored() throws {
        bitBuffer = 0; bitCount = 0       // skip to the byte boundary
        guard position + 4 <= input.count else { throw InflateError(message: "compressed data is truncated") }
        let len = Int(input[position]) | Int(input[position + 1]) << 8
        let nlen = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard len == (~nlen & 0xFFFF) else { throw InflateError(message: "stored block length is corrupt") }
        position += 4
        guard position + len <= input.count else { throw InflateError(message: "compressed data is truncated") }
        output.append(contentsOf: input[position..<(position + len)])
        guard output.count <= limit else { throw InflateError(message: "more data than the archive declares") }
        position += len
    }

    private static let fixedLengths: Huffman = {
        var l = [Int](repeating: 8, count: 288)
        for i in 144..<256 { l[i] = 9 }
        for i in 256..<280 { l[i] = 7 }
        return try! Huffman(lengths: l)
    }()
    private static let fixedDistances = try! Huffman(lengths: [Int](repeating: 5, count: 30))

    private mutating func dynamicTables() throws -> (Huffman, Huffman) {
        let nlen = try bits(5) + 257, ndist = try bits(5) + 1, ncode = try bits(4) + 4
        guard nlen <= 286, ndist <= 30 else { throw InflateError(message: "bad code counts") }
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<ncode { codeLengths[order[i]] = try bits(3) }
        let lencode = try Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < nlen + ndist {
            let sym = try decode(lencode)
            if sym < 16 { lengths.append(sym); continue }
            var value = 0, repeatCount = 0
            switch sym {
            case 16:
                guard let prev = lengths.last else { throw InflateError(message: "repeat with no previous length") }
                value = prev; repeatCount = 3 + (try bits(2))
            case 17: repeatCount = 3 + (try bits(3))
            default: repeatCount = 11 + (try bits(7))
            }
            guard lengths.count + repeatCount <= nlen + ndist else { throw InflateError(message: "too many lengths") }
            lengths += [Int](repeating: value, count: repeatCount)
        }
        return (try Huffman(lengths: Array(lengths[..<nlen])), try Huffman(lengths: Array(lengths[nlen...])))
    }

    private mutating func codes(_ lencode: Huffman, _ distcode: Huffman) throws {
        while true {
            var sym = try decode(lencode)
            guard output.count <= limit else { throw InflateError(message: "more data than the archive declares") }
            if sym < 256 { output.append(UInt8(sym)); continue }
            if sym == 256 { return }
            sym -= 257
            guard sym < 29 else { throw InflateError(message: "invalid length symbol") }
            let len = Inflater.lengthBase[sym] + (try bits(Inflater.lengthExtra[sym]))
            let dsym = try decode(distcode)
            guard dsym < 30 else { throw InflateError(message: "invalid distance symbol") }
            let dist = Inflater.distanceBase[dsym] + (try bits(Inflater.distanceExtra[dsym]))
            guard dist <= output.count else { throw InflateError(message: "distance too far back") }
            let start = output.count - dist
            for i in 0..<len { output.append(output[start + i]) }
        }
    }
}
