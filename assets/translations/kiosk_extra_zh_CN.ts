<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AccessibilityToggles</name>
        <message>
            <location filename="../../kiosk/ui/kiosk/accessibility.py" line="118" />
            <location filename="../../kiosk/ui/kiosk/accessibility.py" line="119" />
            <source>Larger text</source>
            <translation>放大文字</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/accessibility.py" line="120" />
            <location filename="../../kiosk/ui/kiosk/accessibility.py" line="121" />
            <source>High contrast</source>
            <translation>高对比度</translation>
        </message>
    </context>
    <context>
        <name>Maintenance</name>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="162" />
            <source>Choose a check. The panel closes by itself when left alone.</source>
            <translation>请选择一项检查。无人操作时面板会自动关闭。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="179" />
            <source>Printing a test badge…</source>
            <translation>正在打印测试胸卡…</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="186" />
            <source>The test badge did not print: {reason}</source>
            <translation>测试胸卡未能打印：{reason}</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="188" />
            <source>The test badge was sent to the printer.</source>
            <translation>测试胸卡已发送到打印机。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="204" />
            <source>No camera is running on this kiosk ([camera] source is empty or devices are not started).</source>
            <translation>本机没有运行中的摄像头（[camera] source 为空，或设备未启动）。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="216" />
            <source>Camera: working. Hold a QR code up to it: the picture should show it.</source>
            <translation>摄像头：工作正常。将二维码对准摄像头，画面中应能看到它。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="217" />
            <source>Camera: starting…</source>
            <translation>摄像头：正在启动…</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="218" />
            <source>Camera: not available, retrying.</source>
            <translation>摄像头：不可用，正在重试。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="219" />
            <source>Camera: turned off in the settings.</source>
            <translation>摄像头：已在设置中关闭。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="220" />
            <source>Camera: stopped.</source>
            <translation>摄像头：已停止。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="231" />
            <source>The settings file has a mistake, nothing was changed: {error}</source>
            <translation>设置文件有错误，未做任何更改：{error}</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="238" />
            <source>Settings reloaded from {source}.</source>
            <translation>已从 {source} 重新读取设置。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="240" />
            <source>Nothing has changed.</source>
            <translation>没有任何变化。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="242" />
            <source>Now in use: {keys}.</source>
            <translation>已生效：{keys}。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="244" />
            <source>These need a restart of the kiosk: {keys}.</source>
            <translation>以下设置需重启自助机后生效：{keys}。</translation>
        </message>
    </context>
    <context>
        <name>MaintenancePanel</name>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="119" />
            <source>Maintenance</source>
            <translation>维护</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="120" />
            <source>Test print</source>
            <translation>测试打印</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="121" />
            <source>Camera test</source>
            <translation>摄像头测试</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="122" />
            <source>Reload settings</source>
            <translation>重新读取设置</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="123" />
            <source>Exit kiosk</source>
            <translation>退出自助机</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance.py" line="124" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>PinGate</name>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance_gesture.py" line="217" />
            <source>Maintenance needs a PIN first. On this computer, run “kioskctl kiosk set-pin” and put the line it prints under [kiosk] in the settings file.</source>
            <translation>需要先设置维护 PIN 码。请在本机运行“kioskctl kiosk set-pin”，并将它输出的那一行放入设置文件的 [kiosk] 部分。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance_gesture.py" line="228" />
            <source>Too many wrong PINs. Try again in {seconds} s.</source>
            <translation>PIN 码错误次数过多，请 {seconds} 秒后再试。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance_gesture.py" line="235" />
            <source>Enter the maintenance PIN.</source>
            <translation>请输入维护 PIN 码。</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance_gesture.py" line="259" />
            <source>Wrong PIN. Tries left before a one-minute wait: {left}</source>
            <translation>PIN 码错误。再错 {left} 次将需等待一分钟。</translation>
        </message>
    </context>
    <context>
        <name>PinPad</name>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance_gesture.py" line="187" />
            <source>Maintenance</source>
            <translation>维护</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance_gesture.py" line="188" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance_gesture.py" line="189" />
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/kiosk/maintenance_gesture.py" line="190" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
</TS>
