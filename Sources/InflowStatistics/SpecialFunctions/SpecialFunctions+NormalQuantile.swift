import RealModule

extension SpecialFunctions {
    /// The standard normal quantile `Φ⁻¹(p)`, by Wichura's algorithm AS 241 (`PPND16`).
    ///
    /// Three rational approximations of degree 7/7: in `|p − ½| ≤ 0.425` a function of `0.180625 − (p − ½)²`;
    /// beyond, functions of `r = √(−log min(p, 1 − p))` for `r ≤ 5` and `r > 5`. Relative accuracy about
    /// 10⁻¹⁶ for `10⁻³⁰⁰ ≤ p ≤ 1 − 10⁻¹⁶`. `1 − p` is exact for p ≥ ½, so upper-tail quantiles are as
    /// accurate as the double p allows. Returns −∞ at 0, +∞ at 1 and NaN outside [0, 1].
    /// - Complexity: O(1): one rational function, plus a log and a square root in the tails.
    /// - Reference: M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
    ///   Applied Statistics 37(3), 477–484, 1988.
    public static func normalQuantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if Swift.abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let numerator = ((((((2.509_080_928_730_122_672_7e3 * r + 3.343_057_558_358_812_810_5e4) * r
                + 6.726_577_092_700_870_085_3e4) * r + 4.592_195_393_154_987_145_7e4) * r
                + 1.373_169_376_550_946_112_5e4) * r + 1.971_590_950_306_551_442_7e3) * r
                + 1.331_416_678_917_843_774_5e2) * r + 3.387_132_872_796_366_608_0
            let denominator = ((((((5.226_495_278_852_854_561_0e3 * r + 2.872_908_573_572_194_267_4e4) * r
                + 3.930_789_580_009_271_061_0e4) * r + 2.121_379_430_158_659_586_7e4) * r
                + 5.394_196_021_424_751_107_7e3) * r + 6.871_870_074_920_579_083_0e2) * r
                + 4.231_333_070_160_091_125_2e1) * r + 1
            return q * numerator / denominator
        }
        var r = q < 0 ? p : 1 - p
        r = (-Double.log(r)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            let numerator = ((((((7.745_450_142_783_414_076_40e-4 * r + 2.272_384_498_926_918_458_33e-2) * r
                + 2.417_807_251_774_506_117_70e-1) * r + 1.270_458_252_452_368_382_58) * r
                + 3.647_848_324_763_204_605_04) * r + 5.769_497_221_460_691_405_50) * r
                + 4.630_337_846_156_545_295_90) * r + 1.423_437_110_749_683_577_34
            let denominator = ((((((1.050_750_071_644_416_843_24e-9 * r + 5.475_938_084_995_344_946_00e-4) * r
                + 1.519_866_656_361_645_719_66e-2) * r + 1.481_039_764_274_800_745_90e-1) * r
                + 6.897_673_349_851_000_045_50e-1) * r + 1.676_384_830_183_803_849_40) * r
                + 2.053_191_626_637_758_821_87) * r + 1
            value = numerator / denominator
        } else {
            r -= 5
            let numerator = ((((((2.010_334_399_292_288_132_65e-7 * r + 2.711_555_568_743_487_578_15e-5) * r
                + 1.242_660_947_388_078_438_60e-3) * r + 2.653_218_952_657_612_309_30e-2) * r
                + 2.965_605_718_285_048_912_30e-1) * r + 1.784_826_539_917_291_335_80) * r
                + 5.463_784_911_164_114_369_90) * r + 6.657_904_643_501_103_777_20
            let denominator = ((((((2.044_263_103_389_939_785_64e-15 * r + 1.421_511_758_316_445_888_70e-7) * r
                + 1.846_318_317_510_054_681_80e-5) * r + 7.868_691_311_456_132_591_00e-4) * r
                + 1.487_536_129_085_061_485_25e-2) * r + 1.369_298_809_227_358_053_10e-1) * r
                + 5.998_322_065_558_879_376_90e-1) * r + 1
            value = numerator / denominator
        }
        return q < 0 ? -value : value
    }
}
