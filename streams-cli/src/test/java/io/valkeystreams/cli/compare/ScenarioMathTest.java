package io.valkeystreams.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ScenarioMathTest {

    @Test
    void summaryGivesMedianAndRangeForOddAndEvenCounts() {
        assertThat(Summary.of(List.of(5.0, 1.0, 3.0))).isEqualTo(new Summary(3.0, 1.0, 5.0));
        assertThat(Summary.of(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(new Summary(3.5, 1.0, 10.0));
        assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void variantsAreInterleavedRoundByRoundAfterTheWarmUp() {
        List<Interleaving.Step> plan = Interleaving.plan(List.of("A", "B"), 1, 2);

        assertThat(plan).extracting(Interleaving.Step::variant).containsExactly("A", "B", "A", "B", "A", "B");
        assertThat(plan).extracting(Interleaving.Step::warmup)
                .containsExactly(true, true, false, false, false, false);
        assertThat(plan).extracting(Interleaving.Step::round).containsExactly(0, 0, 1, 1, 2, 2);
    }

    @Test
    void aPlanNeedsVariantsAndAMeasuredRound() {
        assertThatThrownBy(() -> Interleaving.plan(List.of(), 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Interleaving.plan(List.of("A"), 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRatioIsOursOverThePeerAndChecksItsTargetInTheRightDirection() {
        Ratio latency = new Ratio("p50", 110, 100, 1.25, true);
        assertThat(latency.value()).isEqualTo(1.1);
        assertThat(latency.met()).isTrue();
        assertThat(new Ratio("p50", 130, 100, 1.25, true).met()).isFalse();

        Ratio throughput = new Ratio("batch", 150_000, 60_000, 2.0, false);
        assertThat(throughput.value()).isEqualTo(2.5);
        assertThat(throughput.met()).isTrue();
        assertThat(throughput.target()).isEqualTo(">= 2.00");
        assertThat(new Ratio("batch", 100_000, 60_000, 2.0, false).met()).isFalse();
    }

    @Test
    void aRatioWithoutTargetOrPeerFigureIsNeverMet() {
        Ratio info = new Ratio("info", 1, 2, Double.NaN, true);
        assertThat(info.hasTarget()).isFalse();
        assertThat(info.met()).isFalse();
        assertThat(info.target()).isEqualTo("-");
        assertThat(new Ratio("zero", 1, 0, 1.0, true).value()).isNaN();
    }

    @Test
    void latencyIsMeasuredFromTheIntendedSendTimeSoAStalledSenderShowsIt() {
        Pacer pacer = new Pacer(1_000_000_000L, 1000);
        LatencyRecorder recorder = new LatencyRecorder();
        long stalledUntil = pacer.intended(99) + 1_000_000;
        for (long i = 0; i < 100; i++) {
            recorder.record(pacer.intended(i), stalledUntil + 50_000);
        }

        Histogram histogram = recorder.histogram();

        assertThat(histogram.getTotalCount()).isEqualTo(100);
        assertThat(histogram.getMinValue()).isBetween(1_049_000L, 1_051_000L);
        assertThat(histogram.getValueAtPercentile(50)).isBetween(50_000_000L, 50_150_000L);
        assertThat(histogram.getMaxValue()).isBetween(100_000_000L, 100_200_000L);
    }

    @Test
    void aScheduleSpacesEventsEvenlyAndCountsWhatIsDue() {
        Pacer pacer = new Pacer(5_000, 20_000);

        assertThat(pacer.intended(0)).isEqualTo(5_000);
        assertThat(pacer.intended(3)).isEqualTo(155_000);
        assertThat(pacer.dueBy(4_999)).isZero();
        assertThat(pacer.dueBy(5_000)).isEqualTo(1);
        assertThat(pacer.dueBy(104_999)).isEqualTo(2);
        assertThat(pacer.dueBy(105_000)).isEqualTo(3);
    }

    @Test
    void negativeLatenciesFromEarlyReceiptCountAsZero() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(2_000, 1_000);

        assertThat(recorder.histogram().getMaxValue()).isZero();
    }

    @Test
    void ratiosCompareMediansOfTheSameRunAgainstTheIssueTargets() {
        FamilyResult sync = new FamilyResult("publish-sync", "", true,
                List.of(PublishScenarios.OURS, PublishScenarios.LETTUCE, PublishScenarios.SDR));
        for (double p50 : new double[] {80, 90, 300}) {
            sync.add(PublishScenarios.OURS, latencySample(p50));
        }
        for (double p50 : new double[] {70, 75, 72}) {
            sync.add(PublishScenarios.LETTUCE, latencySample(p50));
            sync.add(PublishScenarios.SDR, latencySample(p50 + 10));
        }
        FamilyResult drain = new FamilyResult("drain", "", false,
                List.of(Consumers.OURS, Consumers.LETTUCE, Consumers.SDR));
        drain.add(Consumers.OURS, new Sample(1, 90_000, null, 1));
        drain.add(Consumers.LETTUCE, new Sample(1, 100_000, null, 1));
        drain.add(Consumers.SDR, new Sample(1, 20_000, null, 1));

        List<Ratio> ratios = CompareRun.ratios(List.of(sync, drain));

        Ratio p50 = ratios.stream().filter(r -> r.name().equals("sync publish p50 vs lettuce")).findFirst().orElseThrow();
        assertThat(p50.ours()).isEqualTo(90);
        assertThat(p50.peer()).isEqualTo(72);
        assertThat(p50.value()).isEqualTo(1.25);
        assertThat(p50.met()).isTrue();
        assertThat(ratios).filteredOn(r -> r.name().startsWith("drain throughput"))
                .extracting(Ratio::met).containsExactly(true, false);
    }

    private static Sample latencySample(double p50) {
        return new Sample(1000, 10_000, new Sample.Latency(p50, p50 * 2, p50 * 3, p50 * 4), 1);
    }
}
