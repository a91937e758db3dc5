/// The named character references a Markdown file is likely to use: HTML 4's full set (all of
/// Latin-1, Greek, typographic punctuation, arrows and mathematical signs) and the Latin letters
/// with carons and strokes of Central European names. Names are case-sensitive (`&Eacute;` is
/// not `&eacute;`); a name not here stays as written.
enum HTMLEntities {
    static func character(named name: String) -> String? { table[name] }

    private static let table: [String: String] = {
        var table: [String: String] = [:]
        func run(_ names: String, from first: UInt32) {
            for (offset, name) in names.split(separator: " ").enumerated() where name != "-" {
                table[String(name)] = Unicode.Scalar(first + UInt32(offset)).map { String(Character($0)) }
            }
        }
        // U+00A0 to U+00FF, in order.
        run(
            "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr "
                + "deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest "
                + "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml "
                + "ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig "
                + "agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml "
                + "eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml",
            from: 0xA0)
        // Greek, U+0391 to U+03A9 and U+03B1 to U+03C9 ("-" marks the unassigned U+03A2).
        run(
            "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho - "
                + "Sigma Tau Upsilon Phi Chi Psi Omega", from: 0x391)
        run(
            "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf "
                + "sigma tau upsilon phi chi psi omega", from: 0x3B1)
        // Arrows from U+2190, and the double arrows from U+21D0.
        run("larr uarr rarr darr harr", from: 0x2190)
        run("lArr uArr rArr dArr hArr", from: 0x21D0)
        let single: [(String, UInt32)] = [
            ("quot", 0x22), ("amp", 0x26), ("apos", 0x27), ("lt", 0x3C), ("gt", 0x3E),
            ("OElig", 0x152), ("oelig", 0x153), ("Scaron", 0x160), ("scaron", 0x161), ("Yuml", 0x178),
            ("fnof", 0x192), ("circ", 0x2C6), ("tilde", 0x2DC), ("thetasym", 0x3D1), ("upsih", 0x3D2),
            ("piv", 0x3D6), ("ensp", 0x2002), ("emsp", 0x2003), ("thinsp", 0x2009), ("zwnj", 0x200C),
            ("zwj", 0x200D), ("lrm", 0x200E), ("rlm", 0x200F), ("ndash", 0x2013), ("mdash", 0x2014),
            ("lsquo", 0x2018), ("rsquo", 0x2019), ("sbquo", 0x201A), ("ldquo", 0x201C), ("rdquo", 0x201D),
            ("bdquo", 0x201E), ("dagger", 0x2020), ("Dagger", 0x2021), ("bull", 0x2022), ("hellip", 0x2026),
            ("permil", 0x2030), ("prime", 0x2032), ("Prime", 0x2033), ("lsaquo", 0x2039), ("rsaquo", 0x203A),
            ("oline", 0x203E), ("frasl", 0x2044), ("euro", 0x20AC), ("image", 0x2111), ("weierp", 0x2118),
            ("real", 0x211C), ("trade", 0x2122), ("alefsym", 0x2135), ("crarr", 0x21B5), ("forall", 0x2200),
            ("part", 0x2202), ("exist", 0x2203), ("empty", 0x2205), ("nabla", 0x2207), ("isin", 0x2208),
            ("notin", 0x2209), ("ni", 0x220B), ("prod", 0x220F), ("sum", 0x2211), ("minus", 0x2212),
            ("lowast", 0x2217), ("radic", 0x221A), ("prop", 0x221D), ("infin", 0x221E), ("ang", 0x2220),
            ("and", 0x2227), ("or", 0x2228), ("cap", 0x2229), ("cup", 0x222A), ("int", 0x222B),
            ("there4", 0x2234), ("sim", 0x223C), ("cong", 0x2245), ("asymp", 0x2248), ("ne", 0x2260),
            ("equiv", 0x2261), ("le", 0x2264), ("ge", 0x2265), ("sub", 0x2282), ("sup", 0x2283),
            ("nsub", 0x2284), ("sube", 0x2286), ("supe", 0x2287), ("oplus", 0x2295), ("otimes", 0x2297),
            ("perp", 0x22A5), ("sdot", 0x22C5), ("lceil", 0x2308), ("rceil", 0x2309), ("lfloor", 0x230A),
            ("rfloor", 0x230B), ("lang", 0x2329), ("rang", 0x232A), ("loz", 0x25CA), ("spades", 0x2660),
            ("clubs", 0x2663), ("hearts", 0x2665), ("diams", 0x2666), ("check", 0x2713), ("star", 0x2606),
            ("Ccaron", 0x10C), ("ccaron", 0x10D), ("Dcaron", 0x10E), ("dcaron", 0x10F), ("Ecaron", 0x11A),
            ("ecaron", 0x11B), ("Lstrok", 0x141), ("lstrok", 0x142), ("Ncaron", 0x147), ("ncaron", 0x148),
            ("Rcaron", 0x158), ("rcaron", 0x159), ("Tcaron", 0x164), ("tcaron", 0x165), ("Uring", 0x16E),
            ("uring", 0x16F), ("Zcaron", 0x17D), ("zcaron", 0x17E), ("Dstrok", 0x110), ("dstrok", 0x111),
        ]
        for (name, value) in single {
            table[name] = Unicode.Scalar(value).map { String(Character($0)) }
        }
        // A plain space: text is cut into words at ASCII white space.
        table["nbsp"] = " "
        return table
    }()
}
