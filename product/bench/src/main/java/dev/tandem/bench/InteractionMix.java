package dev.tandem.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.tandem.api.Customer;
import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.Signal;

/**
 * A reproducible mix of interactions covering every rule of the default policy:
 * languages with and without region, tiers, AI confidence, failed attempts, and
 * signals around the rules' thresholds. Texts match the signals, so that the
 * lexicon detector finds roughly the same in them.
 */
public final class InteractionMix {
    private static final String[] SIGNALS = {"humanRequest", "topic.fraud", "topic.personalData",
        "topic.billingDispute", "topic.complaint", "topic.cancel", "topic.bereavement", "topic.health"};
    private static final String[] LANGUAGES = {"en", "en-GB", "zh", "zh-CN", "id", "id-ID", null};
    private static final String[] TIERS = {"standard", "silver", "gold", "platinum", null};
    private static final Map<String, String[]> TEXTS = Map.of(
            "en", new String[] {"what is my balance?", "I want to talk to a real person",
                "someone stole my card and used it", "please delete my personal data",
                "I was charged twice for the same order", "I want to make a formal complaint",
                "close my account, I am leaving", "my father passed away", "I had an allergic reaction"},
            "zh", new String[] {"我的余额是多少", "我要转人工", "我的卡被盗刷了", "请删除我的个人数据",
                "同一笔订单扣了我两次钱", "我要投诉", "我要注销账户", "我父亲去世了", "我吃了以后过敏了"},
            "id", new String[] {"berapa saldo saya", "saya mau bicara dengan agen", "kartu saya dicuri",
                "tolong hapus data pribadi saya", "saya ditagih dua kali", "saya mau komplain",
                "tutup akun saya", "ayah saya meninggal dunia", "saya alergi setelah minum obat ini"});

    private InteractionMix() {
    }

    public static List<Sample> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(sample(i, random));
        }
        return samples;
    }

    private static Sample sample(int index, Random random) {
        List<Signal> signals = new ArrayList<>();
        int firstSignal = -1;
        for (int s = 0; s < SIGNALS.length; s++) {
            if (random.nextDouble() < 0.07) {
                signals.add(Signal.score(SIGNALS[s], 0.5 + random.nextInt(51) / 100.0, "mix"));
                firstSignal = firstSignal < 0 ? s : firstSignal;
            }
        }
        String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
        String[] texts = TEXTS.get(language == null ? "en" : language.substring(0, 2));
        String text = texts[firstSignal + 1];
        Double aiConfidence = random.nextDouble() < 0.1 ? null : random.nextInt(101) / 100.0;
        Map<String, Object> attributes = Map.of("failedAttempts", random.nextInt(4), "channelLatencyMs", 20);
        Interaction interaction = new Interaction("c-" + index, "chat", language,
                new Customer("u-" + index, TIERS[random.nextInt(TIERS.length)]),
                List.of(new Message("customer", text)), aiConfidence, attributes);
        return new Sample(interaction, List.copyOf(signals));
    }
}
