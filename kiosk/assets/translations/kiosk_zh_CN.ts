<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessibilityToggles</name>
    <message>
        <location filename="../../ui/kiosk/accessibility.py" line="139" />
        <location filename="../../ui/kiosk/accessibility.py" line="140" />
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/accessibility.py" line="141" />
        <location filename="../../ui/kiosk/accessibility.py" line="142" />
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../ui/desk/staff.py" line="238" />
        <source>Add a staff account</source>
        <translation>添加员工账号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="238" />
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="247" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="248" />
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="249" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="250" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="251" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>AgreementScreen</name>
    <message>
        <location filename="../../ui/kiosk/screens/agreement.py" line="113" />
        <source>Please read the rules below, then sign with your finger to accept.</source>
        <translation>请阅读以下须知，然后用手指签名以表示同意。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/agreement.py" line="114" />
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/agreement.py" line="115" />
        <source>Use your finger to sign inside the box.</source>
        <translation>请用手指在框内签名。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/agreement.py" line="116" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/agreement.py" line="117" />
        <source>I do not agree</source>
        <translation>我不同意</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/agreement.py" line="118" />
        <source>I agree and sign</source>
        <translation>同意并签名</translation>
    </message>
</context>
<context>
    <name>AgreementsView</name>
    <message>
        <location filename="../../ui/desk/agreements.py" line="89" />
        <source>Changed since it was published!</source>
        <translation>发布后已被改动！</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="91" />
        <source>Shown to visitors</source>
        <translation>访客签署此版</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="92" />
        <source>Retired</source>
        <translation>已替换</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="295" />
        <source>{type} · {count}/2</source>
        <translation>{type} · {count}/2</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="313" />
        <source>Version {version} is published: visitors sign it from now on.</source>
        <translation>第 {version} 版已发布：从现在起访客签署此版。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="326" />
        <source>Agreement texts</source>
        <translation>协议文本</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="328" />
        <source>What visitors read and sign at the kiosk, per visitor type and language. A published text is never changed: publish a new version, and the signatures already given keep pointing at the text they signed.</source>
        <translation>访客在访客机上阅读并签署的文本，按访客类型和语言分别设置。已发布的文本不会被修改：请发布新版本，已有的签名仍指向当时签署的文本。</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <location filename="../../ui/desk/alerts.py" line="202" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="203" />
        <source>Seen to</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="204" />
        <source>Mark the alert as dealt with: it no longer counts as new.</source>
        <translation>标记为已处理：不再计为新提醒。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="206" />
        <source>Alerts for reception, and notices that could not be sent.</source>
        <translation>前台提醒，以及未能发送的通知。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/alerts.py" line="234" />
        <source>%n failed</source>
        <translation>
            <numerusform>%n 条失败</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="72" />
        <source>{field}: {values}</source>
        <translation>{field}：{values}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="88" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="89" />
        <source>Person</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="90" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="91" />
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="92" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="406" />
        <source>Any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="408" />
        <source>{group}: every action</source>
        <translation>{group}：全部操作</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="415" />
        <source>Any object</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="421" />
        <source>Events: {count}</source>
        <translation>记录：{count} 条</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="423" />
        <source>Events: {count}+, counting…</source>
        <translation>记录：{count}+ 条，统计中…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="429" />
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="444" />
        <source>Only a supervisor or an administrator may read the audit log.</source>
        <translation>只有主管或管理员可以查看审计日志。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="446" />
        <source>Could not read the audit log. Try again in a moment.</source>
        <translation>无法读取审计日志，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="457" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="458" />
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="459" />
        <source>Anyone (e.g. staff:amy, kiosk:K1)</source>
        <translation>任何人（例如 staff:amy、kiosk:K1）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="460" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="462" />
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="462" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="462" />
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="463" />
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="463" />
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="463" />
        <source>Choose dates</source>
        <translation>选择日期</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/desk/parcels/scanning.py" line="71" />
        <source>Take a photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/scanning.py" line="71" />
        <source>Scan with the camera</source>
        <translation>用摄像头扫描</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/scanning.py" line="76" />
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/scanning.py" line="78" />
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/scanning.py" line="82" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/scanning.py" line="114" />
        <source>Hold the label up to the camera.</source>
        <translation>请将面单对准摄像头。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/scanning.py" line="115" />
        <source>Hold the parcel in view, then take the photo.</source>
        <translation>请将包裹放在镜头内，然后拍照。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/scanning.py" line="117" />
        <source>No camera is available at this desk. Type the number, or use the scanner.</source>
        <translation>本前台没有可用的摄像头。请手动输入单号，或使用扫码枪。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/scanning.py" line="119" />
        <source>No camera is available at this desk. Choose a photo file instead.</source>
        <translation>本前台没有可用的摄像头。请改为选择照片文件。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/scanning.py" line="120" />
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/desk/password.py" line="20" />
        <location filename="../../ui/desk/password.py" line="30" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/password.py" line="23" />
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/password.py" line="23" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/password.py" line="24" />
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/password.py" line="31" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/password.py" line="47" />
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ComplaintPanel</name>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="97" />
        <source>Choose a complaint</source>
        <translation>请选择一条投诉</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="98" />
        <source>#{n} · {customer}</source>
        <translation>#{n} · {customer}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="102" />
        <source>{status} · due {due}</source>
        <translation>{status} · 期限 {due}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="112" />
        <source>{time} by {who}</source>
        <translation>{time}，{who}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="132" />
        <source>by the customer, on the link</source>
        <translation>客户通过链接评价</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="133" />
        <source>asked by the desk</source>
        <translation>前台询问</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="136" />
        <source>Waiting: the customer was sent a link; the desk may ask too</source>
        <translation>等待中：已向客户发送评价链接，前台也可致电询问</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="137" />
        <source>Ask the customer (1-5)</source>
        <translation>请询问客户满意度（1–5 分）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="146" />
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="146" />
        <source>Came in by</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="146" />
        <source>Happened</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="147" />
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="147" />
        <source>Passed to</source>
        <translation>转交至</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="147" />
        <source>What</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="148" />
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="148" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="151" />
        <source>Follow-up notes</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="152" />
        <source>Who did what, e.g. called the customer back</source>
        <translation>谁做了什么，例如：已回电客户</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="153" />
        <source>Add note</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="154" />
        <source>Pass on…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="155" />
        <source>In progress</source>
        <translation>标记为处理中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="156" />
        <source>Outcome…</source>
        <translation>处理结果…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="159" />
        <source>Record satisfaction</source>
        <translation>记录满意度</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_panel.py" line="160" />
        <source>Close without an answer</source>
        <translation>无答复结案</translation>
    </message>
</context>
<context>
    <name>ComplaintsView</name>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="81" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="81" />
        <source>Close it</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="192" />
        <source>Recorded #{n}: tell the customer the department will contact them by {due}.</source>
        <translation>已登记 #{n}：请告知客户，相关部门将在 {due} 前与其联系。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="236" />
        <source>Close #{n} without the customer's answer (they could not be reached)?</source>
        <translation>在没有客户答复的情况下结案 #{n}（无法联系到客户）？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="265" />
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/records/complaints.py" line="267" />
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 条投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/records/complaints.py" line="268" />
        <source> · %n overdue</source>
        <translation>
            <numerusform> · %n 条逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="269" />
        <source>Still open</source>
        <translation>未结案</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="269" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="269" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="272" />
        <source>New complaint…</source>
        <translation>登记投诉…</translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <location filename="../../ui/kiosk/widgets/base.py" line="183" />
        <source>Start over</source>
        <translation>返回首页</translation>
    </message>
</context>
<context>
    <name>DeliveryScreen</name>
    <message>
        <location filename="../../ui/kiosk/screens/delivery.py" line="133" />
        <source>Delivering a parcel?</source>
        <translation>送快递？</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/delivery.py" line="134" />
        <source>Tell us who it is for and we will let them know.</source>
        <translation>请告诉我们收件人，我们会通知对方。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/delivery.py" line="135" />
        <source>Who is the parcel for?</source>
        <translation>收件人是谁？</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/delivery.py" line="136" />
        <source>No name on the parcel, or not sure?</source>
        <translation>包裹上没有姓名，或不确定？</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/delivery.py" line="137" />
        <source>Reception</source>
        <translation>交给前台</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/delivery.py" line="138" />
        <source>Courier company (optional)</source>
        <translation>快递公司（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/delivery.py" line="139" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/delivery.py" line="140" />
        <source>Notify</source>
        <translation>通知收件人</translation>
    </message>
</context>
<context>
    <name>DenyListModel</name>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="39" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="39" />
        <source>Held when it matches</source>
        <translation>命中即暂缓</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="39" />
        <source>Reason (for the desk only)</source>
        <translation>原因（仅前台可见）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="40" />
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="40" />
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
</context>
<context>
    <name>DenyListView</name>
    <message numerus="yes">
        <location filename="../../ui/desk/deny_list.py" line="183" />
        <source>%n on the list</source>
        <translation>
            <numerusform>名单中共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="230" />
        <source>Added: visitors who match are held for a supervisor at check-in.</source>
        <translation>已添加：命中的访客签到时将暂缓，等待主管处理。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="254" />
        <source>Change the reason</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="255" />
        <source>Why is “{value}” on the deny list? The desk reads this when it holds a visitor; the visitor never sees it.</source>
        <translation>为什么将“{value}”列入禁入名单？暂缓访客时前台会看到此原因，访客看不到。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="257" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="266" />
        <source>Remove from the deny list?</source>
        <translation>从禁入名单中移除？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="267" />
        <source>Visitors matching “{value}” will no longer be held at check-in.</source>
        <translation>与“{value}”匹配的访客签到时将不再被暂缓。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="269" />
        <location filename="../../ui/desk/deny_list.py" line="302" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="275" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="290" />
        <source>Deny list</source>
        <translation>禁入名单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="292" />
        <source>A visitor whose name, phone number or company matches an entry, or whose details contain a keyword, is held at check-in until a supervisor releases them. Only administrators see this list.</source>
        <translation>姓名、电话或公司与名单条目相符，或登记信息中含有关键词的访客，签到时将被暂缓，直到主管放行。只有管理员能看到此名单。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="294" />
        <source>Only an administrator can see or change the deny list.</source>
        <translation>只有管理员可以查看或修改禁入名单。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="297" />
        <source>Name, phone number, company or keyword</source>
        <translation>姓名、电话、公司或关键词</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="298" />
        <source>Reason, for the desk (optional)</source>
        <translation>原因，仅前台可见（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="299" />
        <source>Add to the deny list</source>
        <translation>加入禁入名单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="300" />
        <source>Find in the list</source>
        <translation>在名单中查找</translation>
    </message>
    <message>
        <location filename="../../ui/desk/deny_list.py" line="301" />
        <source>Change reason…</source>
        <translation>修改原因…</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../ui/desk/board_models.py" line="49" />
        <source>Waiting for approval</source>
        <translation>等待批准</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="50" />
        <source>Held: see visitor</source>
        <translation>暂缓：请前台接待</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="51" />
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="52" />
        <source>On site</source>
        <translation>在访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="53" />
        <source>Expected</source>
        <translation>待到访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="54" />
        <source>Signed out</source>
        <translation>已签离</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="55" />
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="56" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="57" />
        <source>No-show</source>
        <translation>未到访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="68" />
        <source>Printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="69" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="69" />
        <source>Print failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="76" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="76" />
        <source>Interview</source>
        <translation>面试</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="77" />
        <source>Delivery</source>
        <translation>送货</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="77" />
        <source>Maintenance</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="78" />
        <source>Sales</source>
        <translation>销售拜访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="78" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="149" />
        <location filename="../../ui/desk/board_models.py" line="168" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="168" />
        <location filename="../../ui/desk/board_models.py" line="211" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="168" />
        <location filename="../../ui/desk/board_models.py" line="211" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="169" />
        <location filename="../../ui/desk/board_models.py" line="212" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="169" />
        <location filename="../../ui/desk/board_models.py" line="212" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="169" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="170" />
        <source>In</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="170" />
        <source>Out</source>
        <translation>签离</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="170" />
        <source>Expected at</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="171" />
        <source>Badge</source>
        <translation>访客证</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="211" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/board_models.py" line="212" />
        <source>Since</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/dialogs.py" line="23" />
        <location filename="../../ui/desk/dialogs.py" line="46" />
        <location filename="../../ui/desk/records/routine_dialogs.py" line="68" />
        <location filename="../../ui/desk/rooms/booking_form.py" line="122" />
        <location filename="../../ui/desk/rooms/damage_tab.py" line="72" />
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="96" />
        <location filename="../../ui/desk/staff.py" line="183" />
        <location filename="../../ui/desk/supplies/item_dialog.py" line="43" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="577" />
        <source>That did not work: {error}</source>
        <translation>操作未成功：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="43" />
        <source>Invitation change e-mail</source>
        <translation>邀请变更邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="44" />
        <source>Delivery at reception</source>
        <translation>快递员在前台</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="45" />
        <source>Delivery notice to host</source>
        <translation>送件通知接待人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="46" />
        <source>Host's sign-in link</source>
        <translation>接待人登录链接</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="47" />
        <source>Visit request to host</source>
        <translation>来访申请（给接待人）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="48" />
        <source>Visit request confirmed</source>
        <translation>来访申请已确认</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="49" />
        <source>Visit request declined</source>
        <translation>来访申请已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="50" />
        <source>Visit request expired</source>
        <translation>来访申请已过期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="51" />
        <source>Another time proposed</source>
        <translation>建议改期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="52" />
        <source>Parcel arrival notice</source>
        <translation>快递到达通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="53" />
        <source>Parcel reminder</source>
        <translation>快递领取提醒</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="54" />
        <source>Parcel collected notice</source>
        <translation>快递已领取通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="55" />
        <source>Parcel returned notice</source>
        <translation>快递退回通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="56" />
        <source>Requisition sent for approval</source>
        <translation>领用申请已提交审批</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="57" />
        <source>Requisition approval request</source>
        <translation>领用审批请求</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="58" />
        <source>Requisition approved notice</source>
        <translation>领用已批准通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="59" />
        <source>Requisition declined notice</source>
        <translation>领用已拒绝通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="60" />
        <source>Supplies issued notice</source>
        <translation>办公用品发放通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="61" />
        <source>Requisition cancelled notice</source>
        <translation>领用取消通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="62" />
        <source>Low-stock digest</source>
        <translation>低库存汇总</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="63" />
        <source>Meeting invitation</source>
        <translation>会议邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="64" />
        <source>Meeting change</source>
        <translation>会议变更</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="65" />
        <source>Meeting cancellation</source>
        <translation>会议取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="66" />
        <source>Meeting displaced notice</source>
        <translation>会议被调整通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="67" />
        <source>Room released notice</source>
        <translation>会议室释放通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="68" />
        <source>Meeting confirmation request</source>
        <translation>会议确认请求</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="69" />
        <source>After-meeting summary</source>
        <translation>会后检查小结</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="70" />
        <source>Phone message</source>
        <translation>电话留言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="71" />
        <source>Phone message reminder</source>
        <translation>电话留言提醒</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="72" />
        <source>Phone message to department</source>
        <translation>电话留言转部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="73" />
        <source>Complaint passed on</source>
        <translation>投诉已转交</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="74" />
        <source>Complaint overdue</source>
        <translation>投诉逾期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="75" />
        <source>Complaint outcome to customer</source>
        <translation>投诉结果告知客户</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="76" />
        <source>Monthly report</source>
        <translation>月度报告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="83" />
        <source>Deny list match</source>
        <translation>命中黑名单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="84" />
        <source>Host not answering</source>
        <translation>被访人未回复</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="85" />
        <source>Sales visitor left details</source>
        <translation>推销访客留下联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="86" />
        <source>VIP arrived</source>
        <translation>贵宾已到达</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="87" />
        <source>Arrival notice to host</source>
        <translation>到访通知（被访人）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="88" />
        <source>Walk-in request to host</source>
        <translation>临时来访请求（被访人）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="89" />
        <source>Still on site reminder</source>
        <translation>仍在访提醒</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="90" />
        <source>Invitation e-mail</source>
        <translation>邀请邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="91" />
        <source>Cancellation e-mail</source>
        <translation>取消邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="92" />
        <source>Meeting not prepared</source>
        <translation>会议尚未准备好</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="93" />
        <source>Room out of order</source>
        <translation>会议室停用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="109" />
        <source>{done} of {all} prepared</source>
        <translation>已准备 {done}/{all}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="123" />
        <source>{visitor} for {host}</source>
        <translation>{visitor} 拜访 {host}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="133" />
        <source>Waiting to send</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="133" />
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="134" />
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="134" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="148" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="148" />
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="148" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="149" />
        <source>Sent to</source>
        <translation>发送给</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="149" />
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../ui/desk/alerts.py" line="157" />
        <source>Reception</source>
        <translation>前台</translation>
    </message>
</context>
<context>
    <name>DeskComplaints</name>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="53" />
        <source>— not chosen —</source>
        <translation>— 未选择 —</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="60" />
        <source>Name, pinyin or e-mail, then Enter</source>
        <translation>输入姓名、拼音或邮箱后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="62" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="65" />
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="84" />
        <source>— nobody yet —</source>
        <translation>— 暂无 —</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="73" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="74" />
        <source>Find a person</source>
        <translation>查找跟进人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="75" />
        <source>Person following it</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="111" />
        <source>New complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="113" />
        <source>Listen and apologise. Write down what happened, when, and how to reach the customer; tell them the department responsible will contact them within {hours} hours.</source>
        <translation>先倾听，并向客户致歉。记下发生了什么、何时发生以及如何联系客户；告知客户责任部门将在 {hours} 小时内与其联系。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="122" />
        <source>Phone number or e-mail address</source>
        <translation>手机号码或电子邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="124" />
        <source>What happened, in the customer's words</source>
        <translation>发生了什么（尽量用客户的原话）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="126" />
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="144" />
        <location filename="../../ui/desk/records/complaints.py" line="60" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="145" />
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="146" />
        <location filename="../../ui/desk/records/complaints.py" line="62" />
        <source>What</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="147" />
        <source>When it happened</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="148" />
        <source>Came in by</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="153" />
        <source>Pass it to</source>
        <translation>转交给</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="157" />
        <source>Record the complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="177" />
        <source>Pass the complaint on</source>
        <translation>转交投诉</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="184" />
        <source>They are told at once; the time promised to the customer stays.</source>
        <translation>对方会立即收到通知；对客户承诺的处理期限不变。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="188" />
        <source>Pass it on</source>
        <translation>转交</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="199" />
        <source>The outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="200" />
        <source>The customer gets this by e-mail with a link to say how satisfied they are.</source>
        <translation>客户将通过电子邮件收到处理结果和评价链接。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="201" />
        <source>Tell the customer the outcome and ask how satisfied they are (1-5).</source>
        <translation>请将处理结果告知客户，并询问其满意度（1–5 分）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="205" />
        <source>What was done</source>
        <translation>采取了哪些措施</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_dialogs.py" line="211" />
        <source>Record the outcome</source>
        <translation>记录处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="22" />
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="23" />
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="24" />
        <source>Resolved, asking the customer</source>
        <translation>已处理，待客户评价</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="25" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="32" />
        <source>OVERDUE · {status}</source>
        <translation>已逾期 · {status}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="38" />
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="39" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="40" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="41" />
        <source>Web</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="42" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="48" />
        <source>5 · Very satisfied</source>
        <translation>5 · 非常满意</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="49" />
        <source>4 · Satisfied</source>
        <translation>4 · 满意</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="50" />
        <source>3 · Neither</source>
        <translation>3 · 一般</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="51" />
        <source>2 · Dissatisfied</source>
        <translation>2 · 不满意</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="52" />
        <source>1 · Very dissatisfied</source>
        <translation>1 · 非常不满意</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="58" />
        <source>Not passed on yet</source>
        <translation>尚未转交</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="72" />
        <source>Check: {problems}</source>
        <translation>请检查：{problems}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="75" />
        <source>Someone changed this meanwhile: {error}</source>
        <translation>此记录刚被他人修改：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="77" />
        <source>Nothing found: {error}</source>
        <translation>未找到：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaint_texts.py" line="78" />
        <source>That did not work: {error}</source>
        <translation>操作未成功：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="59" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="59" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="60" />
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="61" />
        <source>Passed to</source>
        <translation>转交至</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/complaints.py" line="61" />
        <source>Due</source>
        <translation>处理期限</translation>
    </message>
</context>
<context>
    <name>DeskDirectory</name>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="32" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="32" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="38" />
        <source>General visitors</source>
        <translation>普通访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="39" />
        <source>Contractors</source>
        <translation>承包商</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="40" />
        <source>Interviewees</source>
        <translation>面试者</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="41" />
        <source>Deliveries</source>
        <translation>送货人员</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="47" />
        <location filename="../../ui/desk/directory_texts.py" line="56" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="48" />
        <location filename="../../ui/desk/directory_texts.py" line="60" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="49" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="50" />
        <source>Keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="57" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="58" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="59" />
        <source>Department (English)</source>
        <translation>部门英文名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="61" />
        <source>Chat address</source>
        <translation>聊天地址</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="62" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="63" />
        <source>What to hold</source>
        <translation>名单内容</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="64" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="65" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="66" />
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="67" />
        <source>Visitor type</source>
        <translation>访客类型</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="68" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="69" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="76" />
        <source>The file has no column {columns}: its first line must name the columns (name, department, email).</source>
        <translation>文件缺少列 {columns}：第一行必须是列名（name, department, email）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="81" />
        <source>The file is not text: save it from Excel as “CSV UTF-8”.</source>
        <translation>文件不是文本：请在 Excel 中另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="83" />
        <source>The file is larger than 20 MB: is it the right one?</source>
        <translation>文件大于 20 MB：是不是选错了文件？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="85" />
        <source>This is the text visitors are shown already: change something before publishing.</source>
        <translation>这就是访客当前看到的文本：请先修改再发布。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="88" />
        <source>missing</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="89" />
        <source>too long</source>
        <translation>太长</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="90" />
        <source>has characters that are not allowed</source>
        <translation>含有不允许的字符</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="91" />
        <source>not an e-mail address</source>
        <translation>不是有效的电子邮件地址</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="92" />
        <source>not a phone number</source>
        <translation>不是有效的电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="93" />
        <source>appears twice in the file</source>
        <translation>在文件中出现了两次</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="94" />
        <source>not valid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="95" />
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="100" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="115" />
        <source>Only an administrator may do this.</source>
        <translation>只有管理员可以执行此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="116" />
        <source>Another host already has this e-mail address.</source>
        <translation>已有其他被访人使用此电子邮件地址。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="117" />
        <source>A host who no longer receives visitors has this e-mail address: show inactive hosts and reactivate them.</source>
        <translation>一位已停用的被访人使用此电子邮件地址：请显示已停用的被访人并重新启用。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="121" />
        <source>This is on the deny list already.</source>
        <translation>此项已在禁入名单中。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="122" />
        <source>Someone published a version of this text at the same moment: read it, then publish again.</source>
        <translation>有人在同一时刻发布了此文本的新版本：请先查看，再重新发布。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="126" />
        <source>It is not there any more: someone else changed it. The list has been read again.</source>
        <translation>该项已不存在：可能已被他人修改。列表已重新读取。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="128" />
        <source>The file could not be read. Is it still there, and not open in another program?</source>
        <translation>无法读取文件。请确认文件仍在，且没有在其他程序中打开。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_texts.py" line="131" />
        <source>That did not work. Try again in a moment.</source>
        <translation>操作未成功，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>DeskNotices</name>
    <message>
        <location filename="../../ui/desk/notices.py" line="92" />
        <source>On the kiosk now</source>
        <translation>正在自助机上显示</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="94" />
        <source>From {day}</source>
        <translation>{day} 起</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="96" />
        <source>Withdrawn</source>
        <translation>已撤下</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="97" />
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="105" />
        <source>Someone changed this notice meanwhile. Close this and open it again to see their change.</source>
        <translation>有人刚刚修改了这条公告。请关闭此窗口后重新打开，查看对方的修改。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="107" />
        <source>This notice has been withdrawn already.</source>
        <translation>这条公告已被撤下。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="108" />
        <source>This notice has ended; it is kept as it was.</source>
        <translation>这条公告已结束，按原样保留，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="109" />
        <source>This notice is not there any more. The list has been read again.</source>
        <translation>这条公告已不存在，列表已重新读取。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="110" />
        <source>That did not work. Try again in a moment.</source>
        <translation>操作未成功，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="115" />
        <source>Give the notice a title in Chinese, in English or in both.</source>
        <translation>请为公告填写中文标题、英文标题，或两者都填。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="118" />
        <source>The title is longer than the welcome screen shows (at most {characters} Chinese characters or {letters} letters).</source>
        <translation>标题超出欢迎屏幕可显示的长度（最多 {characters} 个汉字或 {letters} 个字母）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="121" />
        <source>The text is longer than the welcome screen shows (at most {characters} Chinese characters or {letters} letters).</source>
        <translation>正文超出欢迎屏幕可显示的长度（最多 {characters} 个汉字或 {letters} 个字母）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="125" />
        <source>A text needs a title in the same language.</source>
        <translation>填写了正文，也需要填写同一语言的标题。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="128" />
        <source>The last day is before the first day.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="129" />
        <source>The last day has passed already.</source>
        <translation>结束日期已经过去。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="130" />
        <source>Choose the last day to show the notice.</source>
        <translation>请选择公告显示的最后一天。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="131" />
        <source>Check the days.</source>
        <translation>请检查日期。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="132" />
        <source>Check this field.</source>
        <translation>请检查此项。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="141" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="141" />
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="141" />
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="142" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="142" />
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="168" />
        <source>kioskctl ({user})</source>
        <translation>kioskctl（{user}）</translation>
    </message>
</context>
<context>
    <name>DeskParcels</name>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="78" />
        <source>{status} · to return</source>
        <translation>{status} · 待退回</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="80" />
        <source>{status} · overdue ({days} days)</source>
        <translation>{status} · 已逾期（{days} 天）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="93" />
        <source>Received</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="95" />
        <location filename="../../ui/desk/parcels/mail.py" line="64" />
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="96" />
        <location filename="../../ui/desk/parcels/mail.py" line="63" />
        <location filename="../../ui/desk/parcels/mail.py" line="79" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="97" />
        <source>For</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="99" />
        <location filename="../../ui/desk/parcels/mail.py" line="62" />
        <location filename="../../ui/desk/parcels/mail.py" line="79" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="100" />
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="101" />
        <location filename="../../ui/desk/parcels/mail.py" line="65" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="103" />
        <source>Condition</source>
        <translation>包裹状况</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="104" />
        <source>COD</source>
        <translation>代收货款</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="105" />
        <source>Picked up by</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="61" />
        <source>Logged</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="61" />
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="62" />
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="63" />
        <source>Weight (kg)</source>
        <translation>重量（公斤）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="64" />
        <source>Fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="80" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="80" />
        <source>Fees (yuan)</source>
        <translation>运费（元）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="55" />
        <source>Announced</source>
        <translation>快递员已登记</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="56" />
        <source>Waiting</source>
        <translation>待领取</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="41" />
        <location filename="../../ui/desk/parcels/texts.py" line="57" />
        <source>Picked up</source>
        <translation>已领取</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="58" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="43" />
        <location filename="../../ui/desk/parcels/texts.py" line="59" />
        <location filename="../../ui/desk/parcels/texts.py" line="67" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="39" />
        <source>Received at the desk</source>
        <translation>前台签收</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="40" />
        <source>Announced by the courier at the kiosk</source>
        <translation>快递员在自助机上登记</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="42" />
        <source>Label printed again</source>
        <translation>重新打印了标签</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="44" />
        <source>Recipient reminded</source>
        <translation>已提醒收件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="45" />
        <source>Returned to the carrier</source>
        <translation>已退回快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="46" />
        <source>COD reimbursed</source>
        <translation>代收款已报销</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="65" />
        <source>Waiting for the courier</source>
        <translation>等待快递员揽收</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="66" />
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="73" />
        <source>Intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="74" />
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="75" />
        <source>Wet</source>
        <translation>受潮</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="82" />
        <location filename="../../ui/desk/parcels/texts.py" line="90" />
        <source>Reception</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="84" />
        <source>{department} (whole department)</source>
        <translation>{department}（整个部门）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="130" />
        <source>Check the marked fields: {fields}</source>
        <translation>请检查标红的项目：{fields}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="135" />
        <source>Already picked up by {name} at {time}.</source>
        <translation>已被 {name} 于 {time} 领取。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="138" />
        <source>Nothing found: it may have been handed out or returned meanwhile.</source>
        <translation>未找到：可能已被领取或退回。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="139" />
        <source>That did not work: {error}</source>
        <translation>操作未成功：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="144" />
        <source>tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="145" />
        <source>carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="146" />
        <location filename="../../ui/desk/parcels/texts.py" line="159" />
        <source>recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="147" />
        <source>pieces</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="148" />
        <source>COD amount</source>
        <translation>代收金额</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="149" />
        <source>who paid</source>
        <translation>垫付人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="150" />
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="151" />
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="152" />
        <source>shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="153" />
        <source>signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="154" />
        <source>collector's signature</source>
        <translation>代领人签名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="155" />
        <source>collected by</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="156" />
        <source>identity checked</source>
        <translation>身份核验</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="157" />
        <source>on behalf of</source>
        <translation>代领</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="158" />
        <location filename="../../ui/desk/parcels/texts.py" line="161" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="160" />
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="162" />
        <source>sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="163" />
        <source>weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="164" />
        <source>fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/texts.py" line="165" />
        <source>department</source>
        <translation>部门</translation>
    </message>
</context>
<context>
    <name>DeskRecords</name>
    <message>
        <location filename="../../ui/desk/records/__init__.py" line="45" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/__init__.py" line="46" />
        <source>Routines</source>
        <translation>例行检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/__init__.py" line="171" />
        <source>%n urgent</source>
        <translation>%n 条紧急</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/__init__.py" line="173" />
        <source>%n overdue</source>
        <translation>%n 条超时</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/__init__.py" line="176" />
        <source>Messages</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/__init__.py" line="187" />
        <source>Front desk records</source>
        <translation>前台记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="311" />
        <source>Phone message</source>
        <translation>电话留言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="312" />
        <source>Transferred call</source>
        <translation>电话转接</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="313" />
        <location filename="../../ui/desk/records/messages.py" line="382" />
        <source>Take a message</source>
        <translation>记录留言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="314" />
        <location filename="../../ui/desk/records/messages.py" line="377" />
        <source>Log a transfer</source>
        <translation>登记转接</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="316" />
        <location filename="../../ui/desk/records/messages.py" line="64" />
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="316" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="317" />
        <source>Number to call back</source>
        <translation>回电号码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="318" />
        <source>Phone (optional)</source>
        <translation>电话（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="319" />
        <source>Call back</source>
        <translation>回电</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="320" />
        <location filename="../../ui/desk/records/messages.py" line="65" />
        <source>For</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="320" />
        <source>Put through to</source>
        <translation>转接给</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="321" />
        <location filename="../../ui/desk/records/message_texts.py" line="87" />
        <location filename="../../ui/desk/records/message_texts.py" line="135" />
        <location filename="../../ui/desk/records/messages.py" line="66" />
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="322" />
        <source>Matter (optional)</source>
        <translation>事由（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="326" />
        <source>A colleague by name, pinyin or initials; or a department</source>
        <translation>输入同事的姓名、拼音或首字母；或选择部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="328" />
        <source>Enter saves; Shift+Enter starts a new line</source>
        <translation>按 Enter 保存，Shift+Enter 换行</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="329" />
        <source>or a department…</source>
        <translation>或选择部门…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="331" />
        <source>Promised by</source>
        <translation>承诺在此前回电</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="332" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="333" />
        <source>Not picked up in time</source>
        <translation>未及时接听</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="334" />
        <source>No answer: take a message</source>
        <translation>无人接听：改为留言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="335" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="336" />
        <source>Save message</source>
        <translation>保存留言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_form.py" line="337" />
        <source>Log transfer</source>
        <translation>登记转接</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="64" />
        <location filename="../../ui/desk/records/message_texts.py" line="121" />
        <location filename="../../ui/desk/records/messages.py" line="370" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="119" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="120" />
        <location filename="../../ui/desk/records/messages.py" line="381" />
        <source>Not resolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="56" />
        <source>Transfer · closed</source>
        <translation>转接 · 已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="57" />
        <source>Transfer · resolved</source>
        <translation>转接 · 已解决</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="58" />
        <source>Transfer · not resolved</source>
        <translation>转接 · 未解决</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="59" />
        <source>Transfer · resolved?</source>
        <translation>转接 · 待回访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="61" />
        <location filename="../../ui/desk/records/messages.py" line="368" />
        <source>New</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="62" />
        <location filename="../../ui/desk/records/message_texts.py" line="117" />
        <location filename="../../ui/desk/records/messages.py" line="369" />
        <source>Acknowledged</source>
        <translation>已确认收到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="63" />
        <location filename="../../ui/desk/records/message_texts.py" line="118" />
        <location filename="../../ui/desk/records/messages.py" line="370" />
        <source>Called back</source>
        <translation>已回电</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="72" />
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="74" />
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="87" />
        <source>Transfer</source>
        <translation>转接</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="114" />
        <source>Taken</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="115" />
        <source>Colleague reminded</source>
        <translation>已提醒同事</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="116" />
        <source>Passed to the department contact</source>
        <translation>已通知部门联系人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="129" />
        <source>{who} (link)</source>
        <translation>{who}（链接）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="136" />
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="137" />
        <source>To the department contact</source>
        <translation>通知部门联系人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="139" />
        <source>e-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="139" />
        <source>chat</source>
        <translation>即时消息</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="141" />
        <source>waiting to send</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="141" />
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="142" />
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="142" />
        <source>failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="144" />
        <source>{what} · {how} → {recipient}: {state}</source>
        <translation>{what} · {how} → {recipient}：{state}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="161" />
        <source>Enter the caller's name</source>
        <translation>请填写来电人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="162" />
        <source>Enter the number to call back</source>
        <translation>请填写回电号码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="163" />
        <source>Write down the message</source>
        <translation>请填写留言内容</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="164" />
        <source>Choose the colleague or a department</source>
        <translation>请选择同事或部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="165" />
        <source>This is required</source>
        <translation>此项必填</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="167" />
        <source>This is not a valid phone number</source>
        <translation>电话号码无效</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="168" />
        <source>This is too long</source>
        <translation>内容过长</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="169" />
        <source>This contains characters that are not allowed</source>
        <translation>含有不允许的字符</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="170" />
        <source>This department has no contact address; choose a colleague</source>
        <translation>该部门没有联系人邮箱，请选择具体同事</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="171" />
        <source>This colleague no longer works here; choose someone else</source>
        <translation>该同事已不在职，请选择其他人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="172" />
        <source>This time has passed</source>
        <translation>该时间已过</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="173" />
        <source>Promise a call back within 30 days</source>
        <translation>回电时间须在 30 天内</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="174" />
        <source>Please check this</source>
        <translation>请检查此项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="181" />
        <source>Already acknowledged (perhaps by the colleague's link).</source>
        <translation>已确认收到（可能是同事点击了链接）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="183" />
        <source>Someone changed this meanwhile; look again.</source>
        <translation>其他人刚刚修改过，请重新查看。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="185" />
        <source>This message no longer exists.</source>
        <translation>此留言已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/message_texts.py" line="186" />
        <source>That did not work: {error}</source>
        <translation>操作未成功：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="63" />
        <source>Received</source>
        <translation>来电时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="64" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="65" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="92" />
        <location filename="../../ui/desk/records/messages.py" line="93" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="92" />
        <source>Anything to note? (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="247" />
        <source>Choose a call to see it in full</source>
        <translation>选择一条记录查看详情</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="251" />
        <source>{kind}: {caller}</source>
        <translation>{kind}：{caller}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="253" />
        <source>Phone: {phone}</source>
        <translation>电话：{phone}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="254" />
        <source>For: {whom}</source>
        <translation>接收人：{whom}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="255" />
        <source>Received: {when}</source>
        <translation>来电时间：{when}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="256" />
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="258" />
        <source>Call back by: {when}</source>
        <translation>承诺回电：{when}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="261" />
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="263" />
        <source>(no message written)</source>
        <translation>（未填写留言）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="310" />
        <source>Not resolved: take a message so {whom} calls back.</source>
        <translation>未解决：请记录留言，以便 {whom} 回电。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="340" />
        <source>Message for {whom} saved; they have been told.</source>
        <translation>给 {whom} 的留言已保存，并已通知对方。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="343" />
        <source>Transfer to {whom} logged.</source>
        <translation>已登记转接给 {whom}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="358" />
        <source>%n call(s)</source>
        <translation>共 %n 条</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="366" />
        <source>Phone messages and transfers</source>
        <translation>电话留言与转接</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="368" />
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="371" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="374" />
        <source>Every day</source>
        <translation>所有日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="375" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="376" />
        <source>New message (Ctrl+M)</source>
        <translation>新留言（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="378" />
        <source>Got it</source>
        <translation>标记为已收到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="379" />
        <source>Caller called back</source>
        <translation>标记为已回电</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="380" />
        <source>It was resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/messages.py" line="383" />
        <source>Close…</source>
        <translation>关闭…</translation>
    </message>
</context>
<context>
    <name>DeskReports</name>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="17" />
        <source>Visits</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="18" />
        <source>Walk-ins</source>
        <translation>临时来访占比</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="19" />
        <source>Invitations not kept</source>
        <translation>预约未到率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="20" />
        <source>Average wait for the host</source>
        <translation>等候接待平均时长</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="21" />
        <source>Visitor satisfaction</source>
        <translation>访客满意度</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="22" />
        <source>Kiosk ratings of 4-5</source>
        <translation>访客机评价好评率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="23" />
        <source>Complaint outcomes rated 4-5</source>
        <translation>投诉处理满意度</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="24" />
        <source>Registration completeness</source>
        <translation>登记完整率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="25" />
        <source>Calls answered in time</source>
        <translation>电话及时接听率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="26" />
        <source>Environment checks passed</source>
        <translation>环境检查合格率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="27" />
        <source>Meeting preparation errors</source>
        <translation>会议准备差错率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="28" />
        <source>Parcels notified within 10 min</source>
        <translation>快递 10 分钟内通知率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="29" />
        <source>Parcels collected within 3 days</source>
        <translation>快递 3 天内领取率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="30" />
        <source>Parcels returned at 7 days</source>
        <translation>快递 7 天未领退回率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="31" />
        <source>Meeting room use</source>
        <translation>会议室使用率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="32" />
        <source>Room bookings not kept</source>
        <translation>会议室预订未到率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="33" />
        <source>Office supplies issued</source>
        <translation>办公用品领用金额</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="39" />
        <source>Visits per day</source>
        <translation>每日来访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="40" />
        <source>Check-ins by hour</source>
        <translation>各时段签到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="41" />
        <source>Average wait for the host per day (minutes)</source>
        <translation>每日等候接待平均时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="42" />
        <source>Satisfaction per week</source>
        <translation>每周满意度</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="43" />
        <source>Environment checks passed per week</source>
        <translation>每周环境检查合格率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="49" />
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="50" />
        <source>Walk-in</source>
        <translation>临时</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="51" />
        <source>No-show</source>
        <translation>未到访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="52" />
        <source>Check-ins</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="53" />
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="54" />
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="64" />
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="75" />
        <source>{sign}{n} pt</source>
        <translation>{sign}{n} 个百分点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="83" />
        <source>target {mark} {n} %</source>
        <translation>目标 {mark} {n} %</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="89" />
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="89" />
        <source>Missed</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="95" />
        <source>{n} meetings</source>
        <translation>{n} 场会议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="97" />
        <source>{n} of {m}</source>
        <translation>{n} / {m}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/texts.py" line="99" />
        <source>{n} units</source>
        <translation>{n} 件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/tables.py" line="18" />
        <source>Room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/tables.py" line="18" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/tables.py" line="19" />
        <source>Hours</source>
        <translation>使用小时</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/tables.py" line="19" />
        <source>Use</source>
        <translation>使用率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/tables.py" line="20" />
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/tables.py" line="20" />
        <source>Not confirmed</source>
        <translation>未确认释放</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/tables.py" line="22" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/tables.py" line="22" />
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/tables.py" line="23" />
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/tables.py" line="45" />
        <location filename="../../ui/desk/reports/tables.py" line="57" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>DeskRooms</name>
    <message>
        <location filename="../../ui/desk/rooms/board_words.py" line="25" />
        <location filename="../../ui/desk/rooms/texts.py" line="112" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_words.py" line="27" />
        <location filename="../../ui/desk/rooms/facts.py" line="25" />
        <location filename="../../ui/desk/rooms/texts.py" line="108" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="60" />
        <location filename="../../ui/desk/rooms/board_words.py" line="29" />
        <source>⚠ Not prepared</source>
        <translation>⚠ 未准备</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_words.py" line="31" />
        <location filename="../../ui/desk/rooms/detail.py" line="182" />
        <source>Ad-hoc</source>
        <translation>临时</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_words.py" line="43" />
        <source>approval</source>
        <translation>需审批</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_words.py" line="44" />
        <source>no equipment</source>
        <translation>无设备</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_words.py" line="50" />
        <location filename="../../ui/desk/rooms/board_words.py" line="58" />
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="150" />
        <location filename="../../ui/desk/rooms/outcomes.py" line="55" />
        <location filename="../../ui/desk/rooms/texts.py" line="225" />
        <source>(no topic)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_words.py" line="62" />
        <source>Cleaning until {time}</source>
        <translation>清洁至 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_words.py" line="63" />
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="34" />
        <source>Prepared</source>
        <translation>已准备</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_words.py" line="63" />
        <source>Not prepared yet</source>
        <translation>尚未准备</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_words.py" line="66" />
        <source>Ad-hoc meeting</source>
        <translation>临时会议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="57" />
        <location filename="../../ui/desk/rooms/booking_form.py" line="96" />
        <location filename="../../ui/desk/rooms/texts.py" line="118" />
        <source>Company</source>
        <translation>公司级</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="58" />
        <location filename="../../ui/desk/rooms/booking_form.py" line="95" />
        <location filename="../../ui/desk/rooms/texts.py" line="119" />
        <source>Department</source>
        <translation>部门级</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="100" />
        <source>Cleaning</source>
        <translation>清洁中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="116" />
        <source>%n meeting(s) this day. Click a meeting for its details, free time to book it.</source>
        <translation>当天 %n 场会议。点击会议查看详情，点击空闲时段即可预订。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="124" />
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="124" />
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="125" />
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="125" />
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="126" />
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="126" />
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="127" />
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="128" />
        <source>{weekday}, {day}</source>
        <translation>{day} {weekday}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="131" />
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="135" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="136" />
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="137" />
        <source>Next day</source>
        <translation>后一天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="138" />
        <location filename="../../ui/desk/rooms/booking_layout.py" line="50" />
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="31" />
        <location filename="../../ui/desk/rooms/damage_tab.py" line="37" />
        <location filename="../../ui/desk/rooms/damage_tab.py" line="69" />
        <location filename="../../ui/desk/rooms/facts.py" line="16" />
        <location filename="../../ui/desk/rooms/report_tab.py" line="22" />
        <source>Room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="139" />
        <source>No rooms yet: add them on the Rooms tab.</source>
        <translation>还没有会议室：请在“会议室管理”中添加。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="72" />
        <source>Edit booking #{id}</source>
        <translation>修改预订 #{id}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="73" />
        <location filename="../../ui/desk/rooms/page.py" line="189" />
        <source>New booking</source>
        <translation>新建预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="78" />
        <source>Find a free room</source>
        <translation>查找空闲会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="94" />
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="104" />
        <source>e.g. tea and fruit at 15:00</source>
        <translation>例如：15:00 茶歇水果</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="105" />
        <source>e.g. the agenda, 2 pages</source>
        <translation>例如：会议议程 2 页</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="107" />
        <source>Ad-hoc meeting, registered by the desk</source>
        <translation>临时会议（前台登记）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="108" />
        <source>Departments book at least %n day(s) ahead; an ad-hoc meeting is registered when it happens.</source>
        <translation>部门会议须至少提前 %n 天预订；临时会议在召开时由前台登记。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="112" />
        <source>Repeat weekly until</source>
        <translation>每周重复，直到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="120" />
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="95" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="120" />
        <source>Book</source>
        <translation>预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_layout.py" line="51" />
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="32" />
        <location filename="../../ui/desk/rooms/facts.py" line="19" />
        <source>Organiser</source>
        <translation>组织者</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_layout.py" line="51" />
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_layout.py" line="52" />
        <source>Attendees and level</source>
        <translation>人数和级别</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_layout.py" line="52" />
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="32" />
        <source>Topic</source>
        <translation>会议主题</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_layout.py" line="64" />
        <location filename="../../ui/desk/rooms/facts.py" line="22" />
        <source>Equipment needed</source>
        <translation>所需设备</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_layout.py" line="69" />
        <location filename="../../ui/desk/rooms/facts.py" line="23" />
        <location filename="../../ui/desk/rooms/texts.py" line="166" />
        <source>Catering</source>
        <translation>茶歇餐饮</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_layout.py" line="70" />
        <location filename="../../ui/desk/rooms/facts.py" line="24" />
        <source>Material to print</source>
        <translation>打印资料</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="217" />
        <source>Choose the room and the organiser.</source>
        <translation>请选择会议室和组织者。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/booking_form.py" line="268" />
        <source>No room is free for this slot with these seats and equipment.</source>
        <translation>该时段没有座位和设备都合适的空闲会议室。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="31" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="33" />
        <location filename="../../ui/desk/rooms/facts.py" line="21" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="33" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="34" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="99" />
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="174" />
        <source>Every room</source>
        <translation>全部会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="137" />
        <source>%n booking(s)</source>
        <translation>%n 个预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="169" />
        <source>Every coming booking</source>
        <translation>今后全部预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="170" />
        <source>Taking place</source>
        <translation>照常进行</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="170" />
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/bookings_tab.py" line="171" />
        <source>Cancelled, released, displaced</source>
        <translation>已取消、已释放、被让出</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="37" />
        <location filename="../../ui/desk/rooms/damage_tab.py" line="70" />
        <source>What</source>
        <translation>损坏情况</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="38" />
        <source>Reported by</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="38" />
        <location filename="../../ui/desk/rooms/facts.py" line="17" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="39" />
        <source>Booking</source>
        <translation>预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="39" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="40" />
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="56" />
        <source>Report damage</source>
        <translation>报告损坏</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="65" />
        <location filename="../../ui/desk/rooms/inspection.py" line="94" />
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="72" />
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="87" />
        <location filename="../../ui/desk/rooms/inspection.py" line="84" />
        <source>Photo of the damage</source>
        <translation>损坏照片</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="108" />
        <location filename="../../ui/desk/rooms/damage_tab.py" line="110" />
        <source>Record repair</source>
        <translation>登记维修</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="109" />
        <source>{room}: {what}
What was done? The room is back in order.</source>
        <translation>{room}：{what}
做了哪些维修？登记后会议室恢复可用。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="165" />
        <source>None: every room is in order.</source>
        <translation>无：所有会议室均可使用。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="180" />
        <source>Repaired {when} by {who}: {note}</source>
        <translation>{when} 由 {who} 修复：{note}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="182" />
        <source>Waiting for repair</source>
        <translation>待维修</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="185" />
        <location filename="../../ui/desk/rooms/facts.py" line="26" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="199" />
        <source>A report's photo shows here: choose the report, then Show photo.</source>
        <translation>在此查看报告的照片：选中报告后点击“查看照片”。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="218" />
        <source>No photo.</source>
        <translation>没有照片。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="229" />
        <source>{room} is back in order.</source>
        <translation>{room} 已恢复可用。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="245" />
        <source>{room} is out of order until the repair is recorded.</source>
        <translation>{room} 已停用，登记维修后恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="254" />
        <source>%n report(s)</source>
        <translation>%n 份报告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="257" />
        <source>Show repaired too</source>
        <translation>显示已修复的</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="258" />
        <source>Report damage…</source>
        <translation>报告损坏…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="259" />
        <source>Record repair…</source>
        <translation>登记维修…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="260" />
        <source>Show photo</source>
        <translation>查看照片</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/damage_tab.py" line="261" />
        <source>Out of order now</source>
        <translation>当前停用的会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="84" />
        <source>Choose a booking to see it in full.</source>
        <translation>选择一个预订查看详情。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="95" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="96" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="97" />
        <source>Cancel booking…</source>
        <translation>取消预订…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="98" />
        <source>Cancel the series…</source>
        <translation>取消整个系列…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="108" />
        <source>After use</source>
        <translation>会后检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="130" />
        <source>Attendees</source>
        <translation>参会人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/facts.py" line="17" />
        <source>{slot}, cleaning until {busy}</source>
        <translation>{slot}，清洁至 {busy}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/facts.py" line="20" />
        <source>For department</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/facts.py" line="26" />
        <source>Weekly series</source>
        <translation>每周系列</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/facts.py" line="27" />
        <source>Displaced by</source>
        <translation>被让出给</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/facts.py" line="29" />
        <source>Booked by</source>
        <translation>预订人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/facts.py" line="30" />
        <source>Damage</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="194" />
        <source>No names given.</source>
        <translation>未列出姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="216" />
        <source>Inspected.</source>
        <translation>已检查。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="218" />
        <source>Once the meeting has started: check the room after use here.</source>
        <translation>会议开始后，在此登记会后检查。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="226" />
        <source>Preparation: {done} of {all} done</source>
        <translation>会前准备：已完成 {done}/{all}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="251" />
        <source>Confirmed: the room is kept.</source>
        <translation>已确认：会议室保留。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="259" />
        <source>Cancel booking #{id}</source>
        <translation>取消预订 #{id}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="260" />
        <source>Why is it cancelled? The organiser and the attendees are told.</source>
        <translation>取消原因？将通知组织者和参会人。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="261" />
        <source>Cancel booking</source>
        <translation>取消预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="265" />
        <source>Cancelled; the organiser and attendees are told.</source>
        <translation>已取消，已通知组织者和参会人。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="274" />
        <location filename="../../ui/desk/rooms/detail.py" line="276" />
        <source>Cancel the series</source>
        <translation>取消系列会议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="275" />
        <source>Cancel every meeting of this weekly series from {day} on?</source>
        <translation>取消此每周系列自 {day} 起的全部会议？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="287" />
        <source>Already among the attendees.</source>
        <translation>已在参会人名单中。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="289" />
        <source>{name} added; the calendar invitation goes out again.</source>
        <translation>已添加 {name}，日历邀请将重新发送。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="294" />
        <source>%n meeting(s) cancelled.</source>
        <translation>已取消 %n 场会议。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="297" />
        <source>Inspection recorded; the organiser gets the summary.</source>
        <translation>检查已登记，组织者将收到总结。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="320" />
        <source>Booking #{id}</source>
        <translation>预订 #{id}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/detail.py" line="322" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/inspection.py" line="50" />
        <source>This file is not a picture.</source>
        <translation>该文件不是图片。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/inspection.py" line="64" />
        <source>The photo is over 8 MB.</source>
        <translation>照片超过 8 MB。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/inspection.py" line="90" />
        <source>How it went, for the organiser (optional)</source>
        <translation>会议情况，告知组织者（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/inspection.py" line="93" />
        <source>Damage found: what, where (leave empty if none)</source>
        <translation>发现的损坏：什么、在哪里（没有则留空）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="46" />
        <source>Every attendee of this booking is named already: raise the number of people first (Edit…).</source>
        <translation>此预订的参会人已全部填写：请先修改人数（编辑…）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="48" />
        <source>This person is no longer in the directory.</source>
        <translation>此人已不在通讯录中。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="49" />
        <source>This invitation no longer exists.</source>
        <translation>该邀请已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="50" />
        <location filename="../../ui/desk/rooms/attendees.py" line="210" />
        <source>Type the attendee's name.</source>
        <translation>请填写参会人姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="51" />
        <source>The name is too long.</source>
        <translation>姓名过长。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="52" />
        <source>The name contains characters that are not allowed.</source>
        <translation>姓名包含不允许的字符。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="69" />
        <location filename="../../ui/desk/rooms/attendees.py" line="241" />
        <source>Add attendee…</source>
        <translation>添加参会人…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="72" />
        <location filename="../../ui/desk/rooms/attendees.py" line="242" />
        <source>A host</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="73" />
        <location filename="../../ui/desk/rooms/attendees.py" line="243" />
        <source>An invited visitor</source>
        <translation>受邀访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="74" />
        <location filename="../../ui/desk/rooms/attendees.py" line="244" />
        <source>A name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="83" />
        <location filename="../../ui/desk/rooms/attendees.py" line="245" />
        <source>Name as it should appear</source>
        <translation>显示的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="98" />
        <location filename="../../ui/desk/rooms/attendees.py" line="246" />
        <location filename="../../ui/desk/rooms/inspection.py" line="100" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="99" />
        <location filename="../../ui/desk/rooms/attendees.py" line="247" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="132" />
        <source>Every attendee is named; Edit… the number of people to name more.</source>
        <translation>参会人已全部填写；如需添加，请先编辑人数。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="190" />
        <source>No one else invited that day</source>
        <translation>当天没有其他受邀访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="200" />
        <source>Choose the host from the list.</source>
        <translation>请从列表中选择员工。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/attendees.py" line="206" />
        <source>Choose the invited visitor.</source>
        <translation>请选择受邀访客。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/inspection.py" line="104" />
        <source>Record inspection</source>
        <translation>登记检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/inspection.py" line="120" />
        <source>Consumables used (issued from the supplies)</source>
        <translation>消耗的用品（从办公用品出库）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/inspection.py" line="164" />
        <source>Photo: {name}</source>
        <translation>照片：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/inspection.py" line="201" />
        <source>Say what is damaged: the photo goes with a damage report.</source>
        <translation>请写明损坏情况：照片随损坏报告一起保存。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="61" />
        <source>Company meeting: will displace {bookings}. Their organisers are told and offered free rooms.</source>
        <translation>公司级会议：将让出 {bookings}。系统会通知其组织者并推荐空闲会议室。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="66" />
        <source>Free: {room} {slot}</source>
        <translation>可以预订：{room} {slot}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="72" />
        <source>no free room fits</source>
        <translation>没有合适的空闲会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="78" />
        <source>Displaced {booking}; offered: {rooms}.</source>
        <translation>已让出 {booking}；推荐：{rooms}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="84" />
        <source>Booked #{id}: {room} {slot}, cleaning until {busy}.</source>
        <translation>已预订 #{id}：{room} {slot}，清洁至 {busy}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="92" />
        <source>taken by #{id}</source>
        <translation>已被 #{id} 占用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="94" />
        <source>taken</source>
        <translation>已被占用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="95" />
        <source>too many attendees</source>
        <translation>人数超出</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="96" />
        <source>too short notice</source>
        <translation>未提前预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="97" />
        <source>equipment missing</source>
        <translation>缺少设备</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="98" />
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="165" />
        <source>needs approval</source>
        <translation>需主管审批</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="99" />
        <source>room out of order</source>
        <translation>会议室停用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="100" />
        <source>room not in use</source>
        <translation>会议室未启用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="101" />
        <source>in the past</source>
        <translation>已过时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="102" />
        <source>too long</source>
        <translation>时间过长</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="108" />
        <source>Booked %n date(s) weekly.</source>
        <translation>已每周预订 %n 次。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="111" />
        <source>{room} {time}, from {first} to {last}.</source>
        <translation>{room} {time}，自 {first} 至 {last}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/outcomes.py" line="115" />
        <source>Not booked: {dates}</source>
        <translation>未能预订：{dates}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/page.py" line="127" />
        <source>⚠ %n meeting(s) starting soon not prepared</source>
        <translation>⚠ %n 场会议即将开始但未准备好</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/page.py" line="133" />
        <source>Not prepared yet: {meetings}</source>
        <translation>尚未准备：{meetings}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/page.py" line="188" />
        <source>Meeting rooms</source>
        <translation>会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/page.py" line="190" />
        <source>Status board</source>
        <translation>状态看板</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/page.py" line="190" />
        <location filename="../../ui/desk/rooms/report_tab.py" line="24" />
        <source>Bookings</source>
        <translation>预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/page.py" line="191" />
        <source>Damage and repairs</source>
        <translation>损坏与维修</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/page.py" line="191" />
        <source>Rooms</source>
        <translation>会议室管理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/page.py" line="192" />
        <source>Use report</source>
        <translation>使用率报表</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="22" />
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="38" />
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="77" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="23" />
        <location filename="../../ui/desk/rooms/report_tab.py" line="32" />
        <source>Booked hours</source>
        <translation>预订时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="23" />
        <source>Opening hours</source>
        <translation>开放时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="24" />
        <source>Use</source>
        <translation>使用率</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="25" />
        <location filename="../../ui/desk/rooms/texts.py" line="109" />
        <source>Released (no-show)</source>
        <translation>已释放（未到场）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="25" />
        <location filename="../../ui/desk/rooms/texts.py" line="110" />
        <source>Displaced</source>
        <translation>被让出</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="26" />
        <location filename="../../ui/desk/rooms/texts.py" line="111" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="54" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="105" />
        <source>Use {ratio} · %n damage report(s)</source>
        <translation>使用率 {ratio} · %n 份损坏报告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="110" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="131" />
        <source>%n room(s) exported.</source>
        <translation>已导出 %n 个会议室。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="138" />
        <source>Last month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/report_tab.py" line="139" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="38" />
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="77" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="39" />
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="78" />
        <source>Seats</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="39" />
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="82" />
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="40" />
        <source>Confirm within</source>
        <translation>确认时限</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/board_tab.py" line="59" />
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="40" />
        <source>Cleaning time</source>
        <translation>清洁时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="41" />
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="41" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="56" />
        <source>Edit room</source>
        <translation>修改会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="56" />
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="201" />
        <source>New room</source>
        <translation>新建会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="61" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="69" />
        <source>Lent only with a supervisor's approval</source>
        <translation>须经主管审批方可借用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="70" />
        <source>In use (offered for booking)</source>
        <translation>启用（可供预订）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="79" />
        <source>Cleaning after each meeting</source>
        <translation>每次会后清洁</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="80" />
        <source>Released if not confirmed within</source>
        <translation>未在此时间内确认则释放</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="160" />
        <source>%n room(s)</source>
        <translation>%n 个会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="164" />
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="167" />
        <source>not in use</source>
        <translation>未启用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="169" />
        <source>In order</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="194" />
        <source>Saved: {name}</source>
        <translation>已保存：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/rooms_tab.py" line="202" />
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="97" />
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="98" />
        <location filename="../../ui/desk/rooms/texts.py" line="107" />
        <source>Booked</source>
        <translation>已预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="99" />
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="101" />
        <source>Out of order</source>
        <translation>停用维修</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="125" />
        <source>Projector</source>
        <translation>投影仪</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="126" />
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="127" />
        <source>Speakers</source>
        <translation>音响</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="128" />
        <location filename="../../ui/desk/rooms/texts.py" line="140" />
        <source>Screen</source>
        <translation>显示屏</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="129" />
        <source>Whiteboard</source>
        <translation>白板</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="130" />
        <source>Video conference</source>
        <translation>视频会议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="137" />
        <source>Proj.</source>
        <translation>投影</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="138" />
        <source>Mic</source>
        <translation>话筒</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="139" />
        <source>Audio</source>
        <translation>音响</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="141" />
        <source>Board</source>
        <translation>白板</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="142" />
        <source>VC</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="155" />
        <source>Confirm time, room, attendees and topic</source>
        <translation>确认时间、会议室、人数和议题</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="156" />
        <source>Test the projector</source>
        <translation>测试投影仪</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="157" />
        <source>Test the microphone</source>
        <translation>测试麦克风</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="158" />
        <source>Test the speakers</source>
        <translation>测试音响</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="159" />
        <source>Test the screen</source>
        <translation>测试显示屏</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="160" />
        <source>Test the video conference</source>
        <translation>测试视频会议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="161" />
        <source>Water × {n}</source>
        <translation>饮用水 × {n}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="162" />
        <source>Copies × {n}</source>
        <translation>资料复印 × {n}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="163" />
        <source>Pen and paper × {n}</source>
        <translation>纸笔 × {n}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="164" />
        <source>Arrange the tables</source>
        <translation>摆放桌椅</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="165" />
        <source>Air conditioning at 22–25 °C</source>
        <translation>空调调至 22–25 °C</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="167" />
        <source>Room tidied</source>
        <translation>会议室已整理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="168" />
        <source>Equipment back in place and working</source>
        <translation>设备已归位且完好</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="169" />
        <source>Supplies checked</source>
        <translation>用品已清点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="170" />
        <source>Room restored</source>
        <translation>会议室已复原</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="174" />
        <source>{what}: {detail}</source>
        <translation>{what}：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="182" />
        <source>%n seat(s)</source>
        <translation>%n 座</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="186" />
        <source>%n attendee(s)</source>
        <translation>%n 人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="224" />
        <source>Taken: #{id} {topic} ({organiser}) {slot}, cleaning until {busy}</source>
        <translation>时段已被占用：#{id} {topic}（{organiser}）{slot}，清洁至 {busy}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="230" />
        <source>Too many attendees: the room seats %n.</source>
        <translation>人数超出：该会议室只有 %n 个座位。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="233" />
        <source>Departments book at least %n day(s) ahead; tick “ad-hoc” for a meeting registered at the desk.</source>
        <translation>部门会议须至少提前 %n 天预订；前台登记的临时会议请勾选“临时会议”。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="237" />
        <source>The room has no {equipment}.</source>
        <translation>该会议室没有{equipment}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="238" />
        <source>The room lacks equipment the meeting needs.</source>
        <translation>该会议室缺少会议所需的设备。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="240" />
        <source>Another booking holds this slot.</source>
        <translation>该时段已有其他预订。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="241" />
        <source>This room is lent only with a supervisor's approval.</source>
        <translation>该会议室须经主管审批方可借用。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="242" />
        <source>The room is out of order until its repair is recorded.</source>
        <translation>该会议室已停用，登记维修后恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="243" />
        <source>The room is no longer in use.</source>
        <translation>该会议室已不再启用。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="244" />
        <source>The meeting would start in the past.</source>
        <translation>会议开始时间已过。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="245" />
        <source>A meeting lasts at most a day: check the times.</source>
        <translation>会议最长一天：请检查时间。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="252" />
        <source>Check: {problems}</source>
        <translation>请检查：{problems}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="255" />
        <source>A room of this name exists already.</source>
        <translation>已有同名会议室。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="256" />
        <source>Someone changed this booking meanwhile: look at it again.</source>
        <translation>其他人刚刚修改了此预订，请重新查看。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="257" />
        <source>This booking is no longer taking place.</source>
        <translation>此预订已不再进行。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="262" />
        <source>A supervisor does this.</source>
        <translation>此操作需由主管完成。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="264" />
        <source>Someone changed this meanwhile: {error}</source>
        <translation>其他人刚刚修改了此记录：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="266" />
        <source>Nothing found: it may have been changed meanwhile.</source>
        <translation>未找到：可能刚被修改。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/texts.py" line="267" />
        <source>That did not work: {error}</source>
        <translation>操作未成功：{error}</translation>
    </message>
</context>
<context>
    <name>DeskRoutines</name>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="23" />
        <source>Routine</source>
        <translation>巡查项目</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="23" />
        <location filename="../../ui/desk/records/routine_dialogs.py" line="205" />
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="24" />
        <location filename="../../ui/desk/records/routine_dialogs.py" line="206" />
        <source>Schedule</source>
        <translation>频次</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="24" />
        <source>Lines</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="25" />
        <location filename="../../ui/desk/records/routine_admin.py" line="101" />
        <source>In use</source>
        <translation>启用中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="41" />
        <source>Routines</source>
        <translation>巡查项目</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="49" />
        <source>New routine…</source>
        <translation>新建巡查项目…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="50" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="52" />
        <source>Add the rulebook's routines</source>
        <translation>添加制度规定的巡查项目</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="53" />
        <source>Corridor daily, restrooms twice a day, plants weekly (Mondays). The meeting rooms are checked after each use on the Meeting rooms page.</source>
        <translation>走廊每日一次，洗手间每日两次，绿植每周一次（周一）。会议室在每次使用后于“会议室”页面检查。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="64" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="101" />
        <source>Out of use</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="120" />
        <source>Back in use</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="121" />
        <source>Take out of use</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="150" />
        <source>Saved: {name}.</source>
        <translation>已保存：{name}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="156" />
        <source>Added: {names}.</source>
        <translation>已添加：{names}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_admin.py" line="157" />
        <source>The rulebook's routines are there already.</source>
        <translation>制度规定的巡查项目已存在。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="48" />
        <location filename="../../ui/desk/records/routine_dialogs.py" line="63" />
        <location filename="../../ui/desk/records/routine_texts.py" line="143" />
        <source>The photo is over 8 MB.</source>
        <translation>照片超过 8 MB。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="55" />
        <source>This file is not a picture.</source>
        <translation>此文件不是图片。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="85" />
        <source>Round done</source>
        <translation>巡查完成</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="91" />
        <source>All fine</source>
        <translation>全部正常</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="97" />
        <source>A wet floor, a broken chair …</source>
        <translation>地面湿滑、椅子损坏……</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="100" />
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="104" />
        <location filename="../../ui/desk/records/routine_problems.py" line="24" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="105" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="107" />
        <location filename="../../ui/desk/records/routine_dialogs.py" line="213" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="140" />
        <source>%n line(s) not ticked: a problem to follow up.</source>
        <translation>%n 项未勾选：将作为问题跟进。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="142" />
        <source>A problem to follow up.</source>
        <translation>有问题需跟进。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="144" />
        <source>Every line ticked: passed.</source>
        <translation>全部勾选：通过。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="152" />
        <source>Photo of the problem</source>
        <translation>问题照片</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="178" />
        <source>Edit routine</source>
        <translation>编辑巡查项目</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="178" />
        <source>New routine</source>
        <translation>新建巡查项目</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="183" />
        <source>Corridor 2F, restrooms 3F …</source>
        <translation>2 楼走廊、3 楼洗手间……</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="185" />
        <location filename="../../ui/desk/records/routine_texts.py" line="86" />
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="186" />
        <source>Twice a day (morning and afternoon)</source>
        <translation>每日两次（上午、下午）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="188" />
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="198" />
        <source>One line to check per row</source>
        <translation>每行一个检查项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="204" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="207" />
        <source>Day</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="208" />
        <source>Lines to check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="209" />
        <source>Rounds were recorded: the schedule stays.</source>
        <translation>已有巡查记录：频次不可更改。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_dialogs.py" line="210" />
        <source>The meeting rooms are checked after each use, on the Meeting rooms page.</source>
        <translation>会议室在每次使用后于“会议室”页面检查。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="75" />
        <source>Mondays</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="75" />
        <source>Tuesdays</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="76" />
        <source>Wednesdays</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="76" />
        <source>Thursdays</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="77" />
        <source>Fridays</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="77" />
        <source>Saturdays</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="78" />
        <source>Sundays</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="83" />
        <source>Weekly, {day}</source>
        <translation>每周（{day}）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="85" />
        <source>Twice a day</source>
        <translation>每日两次</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="91" />
        <source>Afternoon round</source>
        <translation>下午巡查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="92" />
        <source>Morning round</source>
        <translation>上午巡查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="111" />
        <source>Missed</source>
        <translation>漏检</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="112" />
        <source>Done · problem</source>
        <translation>已完成 · 有问题</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="113" />
        <source>Done · passed</source>
        <translation>已完成 · 正常</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="114" />
        <source>Due</source>
        <translation>待巡查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="115" />
        <source>Later</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="122" />
        <source>Nobody recorded this round.</source>
        <translation>此次巡查无人记录。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="126" />
        <source>{who} at {when}</source>
        <translation>{who} {when}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="128" />
        <source>entered late</source>
        <translation>补录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="136" />
        <source>Already done by {who} at {when}.</source>
        <translation>已由 {who} 于 {when} 完成。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="140" />
        <source>A round is recorded on its day, not before.</source>
        <translation>巡查只能在当天记录，不能提前。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="141" />
        <source>A round is recorded within a week of its day.</source>
        <translation>巡查须在一周内记录。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="142" />
        <source>This routine is not due on that day.</source>
        <translation>该巡查项目当天不需要巡查。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="144" />
        <source>The photo is not a JPEG picture.</source>
        <translation>照片不是 JPEG 图片。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="145" />
        <source>A line is there twice.</source>
        <translation>检查项重复。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="146" />
        <source>A routine has at most 30 lines.</source>
        <translation>一个巡查项目最多 30 个检查项。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="148" />
        <source>Check: {problems}</source>
        <translation>请检查：{problems}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="151" />
        <source>Someone recorded the fix meanwhile.</source>
        <translation>已有人记录了处理结果。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="152" />
        <source>This routine is no longer in use.</source>
        <translation>该巡查项目已停用。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="153" />
        <source>A routine of this name and area exists already.</source>
        <translation>同名同区域的巡查项目已存在。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="154" />
        <source>Someone changed this routine meanwhile: look at it again.</source>
        <translation>该巡查项目刚被他人修改，请重新查看。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="155" />
        <source>Rounds were recorded: the schedule stays. Take the routine out of use and add a new one.</source>
        <translation>已有巡查记录，频次不可更改。请停用该项目并新建一个。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="157" />
        <source>Nothing found: it may have been changed meanwhile.</source>
        <translation>未找到：可能刚被修改。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_texts.py" line="159" />
        <source>That did not work: {error}</source>
        <translation>操作未成功：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_problems.py" line="36" />
        <location filename="../../ui/desk/records/routine_problems.py" line="39" />
        <source>Record fix</source>
        <translation>记录处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_problems.py" line="37" />
        <source>{routine}: {what}
What was done?</source>
        <translation>{routine}：{what}
做了哪些处理？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routines.py" line="179" />
        <source>{done} of {due} done</source>
        <translation>已完成 {done} / {due}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routines.py" line="183" />
        <source>⚠ %n round(s) missed this past week</source>
        <translation>⚠ 过去一周漏检 %n 次</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routines.py" line="199" />
        <source>{routine} recorded: passed.</source>
        <translation>{routine} 已记录：正常。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routines.py" line="201" />
        <source>{routine} recorded: a problem to follow up.</source>
        <translation>{routine} 已记录：有问题需跟进。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_problems.py" line="86" />
        <source>Open problems (%n)</source>
        <translation>待处理问题（%n）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_problems.py" line="89" />
        <source>photo</source>
        <translation>有照片</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_problems.py" line="24" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_problems.py" line="93" />
        <source>Fixed · {who} {when}</source>
        <translation>已处理 · {who} {when}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_problems.py" line="97" />
        <source>Waiting for the fix</source>
        <translation>等待处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routines.py" line="209" />
        <source>Fixed: {what}.</source>
        <translation>已处理：{what}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_problems.py" line="138" />
        <source>No photo.</source>
        <translation>没有照片。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routines.py" line="241" />
        <source>Routine checks</source>
        <translation>例行检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routines.py" line="242" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routines.py" line="243" />
        <source>Routines…</source>
        <translation>巡查项目…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_problems.py" line="142" />
        <source>Show fixed too</source>
        <translation>显示已处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_problems.py" line="143" />
        <source>Record fix…</source>
        <translation>记录处理…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_problems.py" line="144" />
        <source>Show photo</source>
        <translation>查看照片</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_board.py" line="42" />
        <source>Not ticked: {lines}</source>
        <translation>未勾选：{lines}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_board.py" line="50" />
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_board.py" line="51" />
        <source>Record late…</source>
        <translation>补录…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/routine_board.py" line="111" />
        <source>No rounds on this day. “Routines…” adds them: the rulebook's corridor, restrooms and plants, or your own.</source>
        <translation>当天没有巡查。点击“巡查项目…”添加：制度规定的走廊、洗手间、绿植巡查，或自定义项目。</translation>
    </message>
</context>
<context>
    <name>DeskShell</name>
    <message>
        <location filename="../../ui/desk/shell.py" line="35" />
        <source>Receptionist</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shell.py" line="36" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shell.py" line="37" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shell.py" line="127" />
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shell.py" line="129" />
        <source>中文 / English</source>
        <translation>中文 / English</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shell.py" line="130" />
        <source>Password…</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shell.py" line="131" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shell.py" line="132" />
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../../ui/desk/shell.py" line="133" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/views.py" line="81" />
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../ui/desk/views.py" line="82" />
        <source>Visitors</source>
        <translation>访客记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/views.py" line="83" />
        <source>Invitations</source>
        <translation>邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/views.py" line="87" />
        <source>Notices for visitors</source>
        <translation>访客公告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/views.py" line="101" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/desk/views.py" line="104" />
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_views.py" line="29" />
        <source>Hosts</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_views.py" line="31" />
        <source>Deny list</source>
        <translation>禁入名单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/directory_views.py" line="34" />
        <source>Agreement texts</source>
        <translation>协议文本</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/__init__.py" line="35" />
        <source>Parcels</source>
        <translation>快递包裹</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/__init__.py" line="36" />
        <source>Parcel log</source>
        <translation>包裹记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/__init__.py" line="37" />
        <source>Outgoing mail</source>
        <translation>寄出邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/__init__.py" line="39" />
        <source>Supplies</source>
        <translation>办公用品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/__init__.py" line="40" />
        <source>Requisitions</source>
        <translation>领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/__init__.py" line="41" />
        <source>Purchases</source>
        <translation>采购申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/__init__.py" line="42" />
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/__init__.py" line="43" />
        <source>Supply reports</source>
        <translation>用品报表</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records/__init__.py" line="197" />
        <source>Front desk records</source>
        <translation>前台记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/rooms/__init__.py" line="35" />
        <source>Meeting rooms</source>
        <translation>会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/__init__.py" line="23" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>DeskStatusStrip</name>
    <message>
        <location filename="../../ui/desk/status_strip.py" line="76" />
        <source>Last heard from {time}</source>
        <translation>最后联系时间 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_strip.py" line="80" />
        <source>No kiosk has reported yet</source>
        <translation>尚无访客机上报状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/status_strip.py" line="83" />
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n 条新提醒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_strip.py" line="88" />
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_strip.py" line="88" />
        <source>not heard from lately</source>
        <translation>近来无响应</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_strip.py" line="89" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_strip.py" line="92" />
        <source>camera not working</source>
        <translation>摄像头故障</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_strip.py" line="94" />
        <source>paper low</source>
        <translation>纸将用完</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_strip.py" line="94" />
        <source>paper out</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_strip.py" line="95" />
        <source>printer cover open</source>
        <translation>打印机盖未关</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_strip.py" line="95" />
        <source>printer offline</source>
        <translation>打印机离线</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_strip.py" line="96" />
        <source>printer error</source>
        <translation>打印机故障</translation>
    </message>
</context>
<context>
    <name>DeskSupplies</name>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="22" />
        <source>Count sheet #{n}: {scope}</source>
        <translation>盘点表 #{n}：{scope}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="23" />
        <source>Printed {time} · {count} lines</source>
        <translation>打印于 {time} · 共 {count} 行</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="25" />
        <location filename="../../ui/desk/supplies/item_dialog.py" line="118" />
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="94" />
        <location filename="../../ui/desk/supplies/purchases.py" line="38" />
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="125" />
        <location filename="../../ui/desk/supplies/requisitions.py" line="46" />
        <location filename="../../ui/desk/supplies/stocktake.py" line="52" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="25" />
        <location filename="../../ui/desk/supplies/item_dialog.py" line="67" />
        <location filename="../../ui/desk/supplies/items_view.py" line="22" />
        <location filename="../../ui/desk/supplies/stocktake.py" line="52" />
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="26" />
        <location filename="../../ui/desk/supplies/item_dialog.py" line="68" />
        <location filename="../../ui/desk/supplies/items_view.py" line="23" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="26" />
        <location filename="../../ui/desk/supplies/item_dialog.py" line="69" />
        <location filename="../../ui/desk/supplies/items_view.py" line="24" />
        <location filename="../../ui/desk/supplies/stocktake.py" line="53" />
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="27" />
        <location filename="../../ui/desk/supplies/stocktake.py" line="53" />
        <source>Book</source>
        <translation>账面</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="27" />
        <location filename="../../ui/desk/supplies/stocktake.py" line="54" />
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="28" />
        <location filename="../../ui/desk/supplies/stocktake.py" line="54" />
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="28" />
        <location filename="../../ui/desk/supplies/item_dialog.py" line="121" />
        <location filename="../../ui/desk/supplies/stocktake.py" line="55" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="36" />
        <source>Counted by: ____________    Checked by: ____________</source>
        <translation>盘点人：____________    复核人：____________</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/count_sheet.py" line="57" />
        <source>Count sheet</source>
        <translation>盘点表</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="58" />
        <source>Edit item</source>
        <translation>编辑物品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="58" />
        <source>New item</source>
        <translation>新建物品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="63" />
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="67" />
        <location filename="../../ui/desk/supplies/items_view.py" line="22" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="68" />
        <location filename="../../ui/desk/supplies/items_view.py" line="23" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="70" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="71" />
        <location filename="../../ui/desk/supplies/items_view.py" line="25" />
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="72" />
        <source>Reorder up to</source>
        <translation>补货至</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="73" />
        <location filename="../../ui/desk/supplies/item_dialog.py" line="120" />
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="97" />
        <location filename="../../ui/desk/supplies/purchases.py" line="39" />
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="90" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="111" />
        <source>Receive stock</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="119" />
        <location filename="../../ui/desk/supplies/items_view.py" line="30" />
        <location filename="../../ui/desk/supplies/purchases.py" line="38" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/item_dialog.py" line="125" />
        <source>Receive</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="24" />
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="126" />
        <location filename="../../ui/desk/supplies/requisitions.py" line="48" />
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="25" />
        <source>To purchase</source>
        <translation>待采购</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="26" />
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="29" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="29" />
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="30" />
        <source>Balance</source>
        <translation>结存</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="31" />
        <source>Who / why</source>
        <translation>经办 / 原因</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="37" />
        <location filename="../../ui/desk/supplies/purchases.py" line="39" />
        <location filename="../../ui/desk/supplies/texts.py" line="61" />
        <source>Received</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="38" />
        <location filename="../../ui/desk/supplies/requisitions.py" line="47" />
        <location filename="../../ui/desk/supplies/texts.py" line="48" />
        <source>Issued</source>
        <translation>已发放</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="39" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="40" />
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="41" />
        <source>Moved</source>
        <translation>移库</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="124" />
        <source>{name} · low</source>
        <translation>{name} · 库存不足</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="33" />
        <source>New purchase request</source>
        <translation>新建采购申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="42" />
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="56" />
        <source>Add line</source>
        <translation>添加明细</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="46" />
        <location filename="../../ui/desk/supplies/purchases.py" line="34" />
        <location filename="../../ui/desk/supplies/requisitions.py" line="43" />
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="47" />
        <source>Supplier (optional)</source>
        <translation>供应商（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="59" />
        <source>Create request</source>
        <translation>创建申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="90" />
        <source>Receive purchase #{n}</source>
        <translation>采购到货 #{n}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="94" />
        <location filename="../../ui/desk/supplies/texts.py" line="59" />
        <source>Ordered</source>
        <translation>已下单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="95" />
        <source>Received before</source>
        <translation>此前已到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="96" />
        <source>Received now</source>
        <translation>本次到货</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchase_dialogs.py" line="117" />
        <source>Into stock</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="33" />
        <location filename="../../ui/desk/supplies/requisitions.py" line="41" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="33" />
        <location filename="../../ui/desk/supplies/requisitions.py" line="42" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="34" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="35" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="35" />
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="44" />
        <source>New requisition</source>
        <translation>新建领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="48" />
        <source>Requester's name or pinyin, then Enter</source>
        <translation>输入申请人姓名或拼音，按回车</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="61" />
        <source>Purpose (optional)</source>
        <translation>用途（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="69" />
        <location filename="../../ui/desk/supplies/requisitions.py" line="41" />
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="70" />
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="76" />
        <source>Create requisition</source>
        <translation>创建领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="121" />
        <source>Issue requisition #{n}</source>
        <translation>发放领用申请 #{n}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="125" />
        <location filename="../../ui/desk/supplies/requisitions.py" line="47" />
        <source>Open</source>
        <translation>未发</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="126" />
        <source>Issue now</source>
        <translation>本次发放</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="127" />
        <location filename="../../ui/desk/supplies/requisitions.py" line="48" />
        <source>Quality note</source>
        <translation>质量备注</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="138" />
        <source>e.g. box dented, one pen dry</source>
        <translation>例如：外盒压瘪、一支笔不出水</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="147" />
        <source>Clear signature</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="152" />
        <source>Received by</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="154" />
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisition_dialogs.py" line="157" />
        <source>Issue</source>
        <translation>发放</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="42" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="43" />
        <source>Age</source>
        <translation>已等待</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="46" />
        <source>Asked</source>
        <translation>申请数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="57" />
        <source>Short: {item}, {on_hand} of {asked} on hand.</source>
        <translation>库存不足：{item}，申请 {asked}，库存仅 {on_hand}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="62" />
        <source>Items to count</source>
        <translation>要盘点的物品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="71" />
        <source>Start counting</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="45" />
        <location filename="../../ui/desk/supplies/texts.py" line="57" />
        <source>Waiting for approval</source>
        <translation>等待批准</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="46" />
        <location filename="../../ui/desk/supplies/texts.py" line="58" />
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="47" />
        <source>Partially issued</source>
        <translation>部分发放</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="49" />
        <source>Declined</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="50" />
        <location filename="../../ui/desk/supplies/texts.py" line="62" />
        <location filename="../../ui/desk/supplies/texts.py" line="70" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="56" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="60" />
        <source>Partially received</source>
        <translation>部分到货</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="68" />
        <source>Counting</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="69" />
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="78" />
        <source>+{n} 盘盈 gain</source>
        <translation>+{n} 盘盈</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="79" />
        <source>{n} 盘亏 loss</source>
        <translation>{n} 盘亏</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="84" />
        <source>Check: {problems}</source>
        <translation>请检查：{problems}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="87" />
        <source>A supervisor approves this.</source>
        <translation>此操作需主管审批。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="89" />
        <source>Someone changed this meanwhile: {error}</source>
        <translation>其他人刚刚修改了此记录：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="91" />
        <source>Nothing found: it may have been changed meanwhile.</source>
        <translation>未找到：可能刚被修改。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/texts.py" line="92" />
        <source>That did not work: {error}</source>
        <translation>操作未成功：{error}</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <location filename="../../ui/desk/window.py" line="201" />
        <source>Front desk — {site}</source>
        <translation>前台 — {site}</translation>
    </message>
</context>
<context>
    <name>DeskWording</name>
    <message>
        <location filename="../../ui/desk/wording.py" line="22" />
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="23" />
        <source>Registered at the kiosk</source>
        <translation>在访客机登记</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="24" />
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="25" />
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="26" />
        <source>Checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="27" />
        <source>Signed out</source>
        <translation>已签离</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="28" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="29" />
        <source>No-show</source>
        <translation>未到访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="30" />
        <source>Held by the deny list</source>
        <translation>禁入名单暂缓</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="31" />
        <source>Hold released</source>
        <translation>已解除暂缓</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="32" />
        <source>Host did not answer: passed to reception</source>
        <translation>被访人未回复，转前台处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="33" />
        <source>Host on the way</source>
        <translation>被访人正在赶来</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="34" />
        <source>Rescheduled</source>
        <translation>已改期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="35" />
        <source>Invitation changed</source>
        <translation>邀请已变更</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="36" />
        <source>Invitation sent again</source>
        <translation>邀请已重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="37" />
        <source>Photo taken</source>
        <translation>已拍照</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="38" />
        <source>Agreement signed</source>
        <translation>已签署协议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="39" />
        <source>Agreement published</source>
        <translation>已发布协议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="40" />
        <source>Rating given</source>
        <translation>已评价</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="41" />
        <source>Badge queued</source>
        <translation>访客证排队打印</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="42" />
        <source>Badge reprinted</source>
        <translation>访客证重打</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="43" />
        <source>Badge reissued</source>
        <translation>访客证补发</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="44" />
        <source>Badge printed</source>
        <translation>访客证已打印</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="45" />
        <source>Badge not printed</source>
        <translation>访客证未打印</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="46" />
        <source>Badge printing interrupted</source>
        <translation>访客证打印中断</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="47" />
        <source>Alert seen to</source>
        <translation>提醒已处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="48" />
        <source>Delivery announced</source>
        <translation>已通知送达</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="49" />
        <source>Host added</source>
        <translation>已添加被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="50" />
        <source>Host changed</source>
        <translation>被访人信息已修改</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="51" />
        <source>Host deactivated</source>
        <translation>被访人已停用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="52" />
        <source>Host reactivated</source>
        <translation>被访人已重新启用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="53" />
        <source>Hosts imported</source>
        <translation>已导入被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="54" />
        <source>Group visit imported</source>
        <translation>已导入团体来访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="55" />
        <source>Added to the deny list</source>
        <translation>已加入禁入名单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="56" />
        <source>Removed from the deny list</source>
        <translation>已移出禁入名单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="57" />
        <source>Deny-list reason changed</source>
        <translation>禁入原因已修改</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="58" />
        <source>Visitor's data erased</source>
        <translation>访客资料已删除</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="59" />
        <source>ID number shown in full</source>
        <translation>已查看完整证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="60" />
        <source>Old visits purged</source>
        <translation>已清理过期来访记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="61" />
        <source>Staff account added</source>
        <translation>已添加员工账号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="62" />
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="63" />
        <source>Locked after wrong passwords</source>
        <translation>密码错误过多，已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="64" />
        <source>Own password changed</source>
        <translation>本人修改了密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="65" />
        <source>Password reset</source>
        <translation>密码已重设</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="66" />
        <source>Role changed</source>
        <translation>角色已变更</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="67" />
        <source>Staff account deactivated</source>
        <translation>员工账号已停用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="68" />
        <source>Staff account reactivated</source>
        <translation>员工账号已重新启用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="76" />
        <location filename="../../ui/desk/wording.py" line="134" />
        <source>Visits</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="77" />
        <source>Badges</source>
        <translation>访客证</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="78" />
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="79" />
        <source>Hosts</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="80" />
        <source>Host imports</source>
        <translation>被访人导入</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="81" />
        <source>Deny list</source>
        <translation>禁入名单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="82" />
        <source>Agreements</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="83" />
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="84" />
        <source>Visitors' data</source>
        <translation>访客资料</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="85" />
        <source>Group visits</source>
        <translation>团体来访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="86" />
        <source>Ratings</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="87" />
        <source>Deliveries</source>
        <translation>送货人员</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="88" />
        <source>Retention</source>
        <translation>数据保留</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="96" />
        <location filename="../../ui/desk/wording.py" line="129" />
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="97" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="98" />
        <source>Badge</source>
        <translation>访客证</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="99" />
        <source>Staff account</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="100" />
        <location filename="../../ui/desk/wording.py" line="130" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="101" />
        <location filename="../../ui/desk/wording.py" line="127" />
        <location filename="../../ui/desk/wording.py" line="135" />
        <location filename="../../ui/desk/wording_areas.py" line="132" />
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="102" />
        <location filename="../../ui/desk/wording.py" line="132" />
        <source>Deny-list entry</source>
        <translation>禁入名单条目</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="103" />
        <location filename="../../ui/desk/wording.py" line="133" />
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="117" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="118" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="119" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="120" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="121" />
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="122" />
        <source>Hold</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="123" />
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="124" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="125" />
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="126" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="128" />
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="131" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="136" />
        <source>Where</source>
        <translation>途径</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="147" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording.py" line="147" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="15" />
        <source>Notice published</source>
        <translation>发布公告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="16" />
        <source>Notice changed</source>
        <translation>修改公告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="17" />
        <source>Notice withdrawn</source>
        <translation>撤下公告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="18" />
        <source>Pre-registered on the web</source>
        <translation>网页预登记</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="19" />
        <source>Badge sent to the desk's printer</source>
        <translation>访客证转到前台打印机</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="20" />
        <source>Contact details erased</source>
        <translation>已删除联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="21" />
        <source>Sign-in link sent to the host</source>
        <translation>已向接待人发送登录链接</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="22" />
        <source>Host signed in on the web</source>
        <translation>接待人网页登录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="23" />
        <source>Host signed out on the web</source>
        <translation>接待人网页退出</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="25" />
        <source>Parcel announced by the courier</source>
        <translation>快递员登记快递</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="26" />
        <source>Parcel received</source>
        <translation>签收快递</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="27" />
        <source>Shelf label reprinted</source>
        <translation>重打货架标签</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="28" />
        <source>Recipient reminded</source>
        <translation>已提醒收件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="29" />
        <source>Parcel picked up</source>
        <translation>快递已领取</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="30" />
        <source>Parcel returned to the carrier</source>
        <translation>快递退回快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="31" />
        <source>Parcel record taken back</source>
        <translation>撤回快递记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="32" />
        <source>Cash on delivery reimbursed</source>
        <translation>到付款已报销</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="33" />
        <source>Label printed</source>
        <translation>标签已打印</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="34" />
        <source>Label not printed</source>
        <translation>标签未打印</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="35" />
        <source>Label printing interrupted</source>
        <translation>标签打印中断</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="36" />
        <source>Carrier added</source>
        <translation>添加快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="37" />
        <source>Carrier changed</source>
        <translation>修改快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="38" />
        <source>Outgoing mail logged</source>
        <translation>登记寄件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="39" />
        <source>Outgoing mail sent</source>
        <translation>寄件已发出</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="40" />
        <source>Outgoing mail cancelled</source>
        <translation>取消寄件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="42" />
        <source>Supply item added</source>
        <translation>添加办公用品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="43" />
        <source>Supply item changed</source>
        <translation>修改办公用品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="44" />
        <source>Supply items imported</source>
        <translation>导入办公用品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="45" />
        <source>Requisition made</source>
        <translation>提交领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="46" />
        <source>Requisition approved</source>
        <translation>批准领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="47" />
        <source>Requisition declined</source>
        <translation>拒绝领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="48" />
        <source>Supplies issued</source>
        <translation>发放办公用品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="49" />
        <source>Requisition's open rest cancelled</source>
        <translation>取消领用申请未发放部分</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="50" />
        <source>Purchase asked for a requisition</source>
        <translation>为领用申请提出采购</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="51" />
        <source>Purchase request made</source>
        <translation>提交采购申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="52" />
        <source>Purchase suggested from low stock</source>
        <translation>按低库存建议采购</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="53" />
        <source>Purchase sent for approval</source>
        <translation>采购提交审批</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="54" />
        <source>Purchase approved</source>
        <translation>批准采购</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="55" />
        <source>Purchase ordered</source>
        <translation>已下单采购</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="56" />
        <source>Purchase received</source>
        <translation>采购已到货</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="57" />
        <source>Purchase cancelled</source>
        <translation>取消采购</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="58" />
        <source>Stocktake started</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="59" />
        <source>Stocktake posted</source>
        <translation>盘点过账</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="60" />
        <source>Stocktake cancelled</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="62" />
        <source>Room added</source>
        <translation>添加会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="63" />
        <source>Room changed</source>
        <translation>修改会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="64" />
        <source>Damage reported: room out of order</source>
        <translation>报告损坏：会议室停用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="65" />
        <source>Repair recorded</source>
        <translation>登记维修完成</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="66" />
        <source>Room booked</source>
        <translation>预订会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="67" />
        <source>Booking changed</source>
        <translation>修改预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="68" />
        <source>Booking cancelled</source>
        <translation>取消预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="69" />
        <source>Booking confirmed</source>
        <translation>确认预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="70" />
        <source>Booking displaced by a company meeting</source>
        <translation>预订被公司会议调整</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="71" />
        <source>Booking released: not confirmed in time</source>
        <translation>预订已释放：未按时确认</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="72" />
        <source>Room checked after use</source>
        <translation>会后检查会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="73" />
        <source>Attendee added</source>
        <translation>添加参会人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="75" />
        <source>Phone call logged</source>
        <translation>登记来电</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="76" />
        <source>Message acknowledged</source>
        <translation>留言已确认收到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="77" />
        <source>Called back</source>
        <translation>已回电</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="78" />
        <source>Message closed</source>
        <translation>留言已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="79" />
        <source>Transfer resolved</source>
        <translation>转接已解决</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="80" />
        <source>Transfer not resolved</source>
        <translation>转接未解决</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="81" />
        <source>Colleague reminded of a message</source>
        <translation>已提醒同事查看留言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="82" />
        <source>Message passed to the department</source>
        <translation>留言已转交部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="83" />
        <source>Callers' data erased</source>
        <translation>已删除来电人信息</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="84" />
        <source>Complaint recorded</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="85" />
        <source>Complaint passed on</source>
        <translation>投诉已转交</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="86" />
        <source>Follow-up note added</source>
        <translation>添加跟进记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="87" />
        <source>Complaint in progress</source>
        <translation>投诉处理中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="88" />
        <source>Outcome recorded</source>
        <translation>登记处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="89" />
        <source>Customer's satisfaction recorded</source>
        <translation>登记客户满意度</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="90" />
        <source>Complaint closed</source>
        <translation>投诉已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="91" />
        <source>Overdue complaint escalated</source>
        <translation>逾期投诉已升级</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="92" />
        <source>Customers' data erased</source>
        <translation>已删除客户信息</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="93" />
        <source>Routine added</source>
        <translation>添加例行检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="94" />
        <source>Routine changed</source>
        <translation>修改例行检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="95" />
        <source>Routine taken out of use</source>
        <translation>停用例行检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="96" />
        <source>Routine back in use</source>
        <translation>恢复例行检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="97" />
        <source>Routine check recorded</source>
        <translation>登记例行检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="98" />
        <source>Problem fixed</source>
        <translation>问题已处理</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="99" />
        <source>Monthly report made</source>
        <translation>生成月度报告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="100" />
        <source>Nightly backup made</source>
        <translation>夜间备份已完成</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="107" />
        <source>Notices</source>
        <translation>公告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="108" />
        <source>Parcels</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="109" />
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="110" />
        <source>Carriers</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="111" />
        <location filename="../../ui/desk/wording_areas.py" line="136" />
        <source>Outgoing mail</source>
        <translation>寄件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="112" />
        <source>Supply items</source>
        <translation>办公用品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="113" />
        <source>Requisitions</source>
        <translation>领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="114" />
        <source>Purchases</source>
        <translation>采购</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="115" />
        <source>Stocktakes</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="116" />
        <source>Meeting rooms</source>
        <translation>会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="117" />
        <source>Bookings</source>
        <translation>预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="118" />
        <source>Phone messages</source>
        <translation>电话留言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="119" />
        <source>Callers' data</source>
        <translation>来电人信息</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="120" />
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="121" />
        <source>Customers' data</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="122" />
        <source>Routines</source>
        <translation>例行检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="123" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="124" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="125" />
        <source>Contact details</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="133" />
        <source>Parcel</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="134" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="135" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="137" />
        <source>Supply item</source>
        <translation>办公用品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="138" />
        <source>Requisition</source>
        <translation>领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="139" />
        <source>Purchase request</source>
        <translation>采购申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="140" />
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="141" />
        <source>Room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="142" />
        <source>Booking</source>
        <translation>预订</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="143" />
        <source>Phone message</source>
        <translation>电话留言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="144" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="145" />
        <source>Routine</source>
        <translation>例行检查</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="146" />
        <source>Routine problem</source>
        <translation>例行检查问题</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="147" />
        <source>Monthly report</source>
        <translation>月度报告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/wording_areas.py" line="148" />
        <source>Backup</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../ui/kiosk/screens/done.py" line="80" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/done.py" line="85" />
        <source>You are checked in, {name}</source>
        <translation>{name}，您已签到</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/done.py" line="87" />
        <source>Welcome, {name}</source>
        <translation>欢迎您，{name}</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/done.py" line="90" />
        <source>{host} ({department})</source>
        <translation>{host}（{department}）</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/done.py" line="91" />
        <source>{host} has been told you are here.</source>
        <translation>已通知{host}您已到达。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/done.py" line="93" />
        <source>Please take your visitor badge from the printer and wear it.</source>
        <translation>请从打印机取走访客证并佩戴。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/done.py" line="95" />
        <source>Your badge will be handed to you at the front desk.</source>
        <translation>您的访客证将由前台交给您。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/done.py" line="97" />
        <source>Your visitor badge is printing below the screen…</source>
        <translation>访客证正在屏幕下方打印…</translation>
    </message>
</context>
<context>
    <name>Evacuation</name>
    <message>
        <location filename="../../ui/desk/evacuation.py" line="23" />
        <location filename="../../ui/desk/evacuation.py" line="70" />
        <source>Evacuation list</source>
        <translation>疏散名单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/evacuation.py" line="24" />
        <source>Printed {time}. On site: {count}</source>
        <translation>打印于 {time}。在访人数：{count}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/evacuation.py" line="26" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/evacuation.py" line="26" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/evacuation.py" line="27" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/evacuation.py" line="27" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/evacuation.py" line="28" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/evacuation.py" line="28" />
        <source>Since</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/evacuation.py" line="36" />
        <source>Per department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/evacuation.py" line="37" />
        <source>Per host</source>
        <translation>按被访人</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="122" />
        <source>Choose an event to see it in full.</source>
        <translation>选择一条记录以查看全部内容。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="140" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="141" />
        <source>Person</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="142" />
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="143" />
        <source>Event number</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="151" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/desk/audit_log.py" line="153" />
        <source>Nothing else was recorded.</source>
        <translation>没有记录其他内容。</translation>
    </message>
</context>
<context>
    <name>GroupImportDialog</name>
    <message numerus="yes">
        <location filename="../../ui/desk/invitation_forms.py" line="1059" />
        <source>Invite %n visitor(s)</source>
        <translation>
            <numerusform>邀请 %n 位访客</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/invitation_forms.py" line="1073" />
        <source>%n problem(s) in the file. Nothing is saved until every row is right: fix the file and choose it again.</source>
        <translation>
            <numerusform>文件中有 %n 处问题。所有行都正确之前不会保存任何内容：请修改文件后重新选择。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/invitation_forms.py" line="1077" />
        <source>%n visitor(s), every row is right.</source>
        <translation>
            <numerusform>共 %n 位访客，所有行均正确。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HostFormDialog</name>
    <message>
        <location filename="../../ui/desk/hosts.py" line="351" />
        <source>Edit host</source>
        <translation>编辑被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="351" />
        <source>Add a host</source>
        <translation>添加被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="375" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="375" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="376" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="376" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="377" />
        <source>Chat address</source>
        <translation>聊天地址</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="377" />
        <source>Notices in</source>
        <translation>通知语言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="381" />
        <source>Visitors find hosts at the kiosk by name, pinyin or initials. Arrival notices go to the e-mail address (and the chat address, if any).</source>
        <translation>访客在访客机上可按姓名、拼音或首字母找到被访人。到访通知发送到电子邮件地址（如填写了聊天地址，也会发送到聊天）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="387" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="387" />
        <source>Add host</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="388" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HostPicker</name>
    <message>
        <location filename="../../ui/kiosk/widgets/host_picker.py" line="165" />
        <source>Name, pinyin or initials (e.g. zw)</source>
        <translation>姓名、拼音或首字母（如 zw）</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/widgets/host_picker.py" line="166" />
        <source>No one found. Try the pinyin or the initials, or ask at the front desk.</source>
        <translation>没有找到此人。请试试拼音或首字母，或询问前台。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/widgets/host_picker.py" line="167" />
        <source>Change</source>
        <translation>更换</translation>
    </message>
</context>
<context>
    <name>HostsView</name>
    <message>
        <location filename="../../ui/desk/hosts.py" line="79" />
        <source>Receives visitors</source>
        <translation>接待访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="79" />
        <location filename="../../ui/desk/hosts.py" line="330" />
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="82" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="83" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="85" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="86" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="88" />
        <source>Notices in</source>
        <translation>通知语言</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="90" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="217" />
        <location filename="../../ui/desk/hosts.py" line="334" />
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/hosts.py" line="227" />
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n 位被访人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/hosts.py" line="227" />
        <source>%n+ hosts…</source>
        <translation>
            <numerusform>%n 位以上被访人…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="251" />
        <source>Saved {name} ({email}).</source>
        <translation>已保存 {name}（{email}）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="259" />
        <source>Deactivate this host?</source>
        <translation>停用此被访人？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="260" />
        <source>{name} will no longer be offered at the kiosk or for new invitations. Visits already planned stay as they are. You can reactivate them later.</source>
        <translation>访客机和新邀请中将不再提供 {name}。已安排的来访不受影响。之后可以重新启用。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="262" />
        <location filename="../../ui/desk/hosts.py" line="328" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="275" />
        <source>{name} receives visitors again.</source>
        <translation>{name} 已恢复接待访客。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="276" />
        <source>{name} no longer receives visitors.</source>
        <translation>{name} 已停止接待访客。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="289" />
        <source>Import hosts</source>
        <translation>导入被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="289" />
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="298" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="323" />
        <source>Hosts</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="324" />
        <source>Name, pinyin, initials, e-mail or department</source>
        <translation>姓名、拼音、首字母、电子邮件或部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="325" />
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="326" />
        <source>Add host…</source>
        <translation>添加被访人…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="327" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="329" />
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="330" />
        <source>Receive visitors</source>
        <translation>接待访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="331" />
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="467" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="467" />
        <source>The line in the file</source>
        <translation>文件中的该行</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="468" />
        <source>What is wrong</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/kiosk/widgets/overlays.py" line="80" />
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/widgets/overlays.py" line="82" />
        <source>For your privacy, this screen will clear itself.</source>
        <translation>为保护您的隐私，屏幕内容即将清除。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/widgets/overlays.py" line="83" />
        <source>I'm still here</source>
        <translation>我还在</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../ui/desk/hosts.py" line="484" />
        <source>Import hosts</source>
        <translation>导入被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="488" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="498" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="513" />
        <source>{added} added, {updated} updated, {unchanged} already up to date.</source>
        <translation>新增 {added} 位，更新 {updated} 位，{unchanged} 位无变化。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/hosts.py" line="516" />
        <source>%n line(s) not imported.</source>
        <translation>
            <numerusform>%n 行未导入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="517" />
        <source>{counts} {skipped}</source>
        <translation>{counts}{skipped}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="518" />
        <source>The other lines are saved. Put these lines right in the file and import it again: hosts already imported are not added twice.</source>
        <translation>其余各行已保存。请在文件中改正这些行后再次导入：已导入的被访人不会重复添加。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="522" />
        <source>Every line was imported.</source>
        <translation>所有行均已导入。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/hosts.py" line="528" />
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>InvitationForms</name>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="110" />
        <source>Enter the visitor's name</source>
        <translation>请填写访客姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="111" />
        <source>Enter the visitor's mobile number</source>
        <translation>请填写访客手机号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="112" />
        <source>Enter a phone number or an e-mail address</source>
        <translation>请填写电话或电子邮箱（至少一项）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="113" />
        <source>The visitor has no e-mail address to send to</source>
        <translation>该访客没有可发送的电子邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="114" />
        <source>Choose the host</source>
        <translation>请选择被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="115" />
        <source>Choose the purpose of the visit</source>
        <translation>请选择来访目的</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="117" />
        <source>This is required</source>
        <translation>此项必填</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="119" />
        <source>This is not a valid phone number</source>
        <translation>电话号码无效</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="120" />
        <source>This is not a valid e-mail address</source>
        <translation>电子邮箱地址无效</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="121" />
        <source>An ID number has only letters and digits</source>
        <translation>证件号码只能包含字母和数字</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="122" />
        <source>This is too long</source>
        <translation>内容过长</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="123" />
        <source>This contains characters that are not allowed</source>
        <translation>含有不允许的字符</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="124" />
        <source>This day is in the past</source>
        <translation>该日期已过</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="125" />
        <source>The visit ends before it starts</source>
        <translation>结束时间早于开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="126" />
        <source>This person no longer receives visitors; choose someone else</source>
        <translation>此人已不再接待访客，请选择其他人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="127" />
        <source>This invitation has been used or cancelled</source>
        <translation>此邀请已使用或已取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="128" />
        <source>Already invited to see this host on that day</source>
        <translation>当天已邀请过该访客拜访此被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="130" />
        <location filename="../../ui/desk/meeting_choice.py" line="71" />
        <source>Please check this</source>
        <translation>请检查此项</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="138" />
        <source>Sales visitors are only seen by appointment. Take their contact details instead.</source>
        <translation>销售拜访须提前预约，请改为登记其联系方式。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="141" />
        <source>This invitation no longer exists.</source>
        <translation>此邀请已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="143" />
        <source>Something went wrong; please try again. ({error})</source>
        <translation>出现问题，请重试。（{error}）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="145" />
        <source>That did not work: {error}</source>
        <translation>操作未成功：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="152" />
        <source>The file is neither UTF-8 nor GBK text; save it again as CSV.</source>
        <translation>文件既不是 UTF-8 也不是 GBK 编码，请重新另存为 CSV。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="153" />
        <source>This is not a CSV file.</source>
        <translation>这不是 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="154" />
        <source>The file has no visitors.</source>
        <translation>文件中没有访客。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="155" />
        <source>The file has more than {count} visitors.</source>
        <translation>文件中的访客超过 {count} 位。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="157" />
        <source>The file needs a name column and a phone or e-mail column.</source>
        <translation>文件需要有姓名列，以及手机或邮箱列。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="161" />
        <source>Line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="163" />
        <location filename="../../ui/desk/invitation_forms.py" line="1117" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="163" />
        <location filename="../../ui/desk/invitation_forms.py" line="667" />
        <location filename="../../ui/desk/invitation_forms.py" line="1118" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="164" />
        <location filename="../../ui/desk/invitation_forms.py" line="668" />
        <location filename="../../ui/desk/invitation_forms.py" line="1118" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="164" />
        <location filename="../../ui/desk/invitation_forms.py" line="1119" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="167" />
        <source>The same as on line {line}</source>
        <translation>与第 {line} 行重复</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="170" />
        <source>Line {line} · {column}: {problem}</source>
        <translation>第 {line} 行 · {column}：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="177" />
        <source>Held for the desk: see the visitor before letting them in.</source>
        <translation>已暂缓：请先与访客面谈再放行。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="179" />
        <source>Checked in; the badge is printing.</source>
        <translation>已签到，访客证正在打印。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="180" />
        <source>Registered; {host} has been asked to approve the visit.</source>
        <translation>已登记，已请 {host} 批准来访。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="186" />
        <source>{visitor} is invited for {day}; the invitation is being e-mailed.</source>
        <translation>已邀请 {visitor} 于 {day} 来访，邀请邮件正在发送。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="188" />
        <source>{visitor} is invited for {day}; no e-mail address, so check them in at the desk when they arrive.</source>
        <translation>已邀请 {visitor} 于 {day} 来访；未留邮箱，到访时请在前台为其签到。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="319" />
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="394" />
        <source>No one found. Try the pinyin or the initials.</source>
        <translation>未找到，请尝试拼音或首字母。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="444" />
        <source>Name, pinyin or initials (e.g. zw)</source>
        <translation>姓名、拼音或首字母（如 zw）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="552" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="666" />
        <location filename="../../ui/desk/invitation_forms.py" line="1197" />
        <source>Visitor's name</source>
        <translation>访客姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="669" />
        <location filename="../../ui/desk/invitation_forms.py" line="1198" />
        <source>Company (optional)</source>
        <translation>公司（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="670" />
        <location filename="../../ui/desk/invitation_forms.py" line="1102" />
        <location filename="../../ui/desk/invitation_forms.py" line="1200" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="671" />
        <location filename="../../ui/desk/invitation_forms.py" line="1102" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="672" />
        <location filename="../../ui/desk/invitation_forms.py" line="862" />
        <location filename="../../ui/desk/invitation_forms.py" line="1103" />
        <source>Time (optional)</source>
        <translation>时间（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="673" />
        <location filename="../../ui/desk/invitation_forms.py" line="1103" />
        <location filename="../../ui/desk/invitation_forms.py" line="1201" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="674" />
        <location filename="../../ui/desk/invitation_forms.py" line="1104" />
        <location filename="../../ui/desk/invitation_forms.py" line="1202" />
        <source>Note for the host and the badge (optional)</source>
        <translation>备注（被访人和访客证上可见，可选）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="675" />
        <source>Meeting (optional)</source>
        <translation>会议（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="682" />
        <source>The invitation and its QR code are sent here.</source>
        <translation>邀请及二维码将发送到此邮箱。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="683" />
        <location filename="../../ui/desk/invitation_forms.py" line="1207" />
        <source>As on their ID</source>
        <translation>与证件一致</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="684" />
        <location filename="../../ui/desk/invitation_forms.py" line="1206" />
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="685" />
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="686" />
        <location filename="../../ui/desk/invitation_forms.py" line="863" />
        <location filename="../../ui/desk/invitation_forms.py" line="1109" />
        <source>Any time</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="689" />
        <source>VIP: reception and the supervisor are told when they arrive</source>
        <translation>贵宾：到访时通知前台和主管</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="752" />
        <location filename="../../ui/desk/invitation_forms.py" line="753" />
        <source>New invitation</source>
        <translation>新建邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="754" />
        <source>The visitor gets a QR code that checks them in at the kiosk on that day.</source>
        <translation>访客将收到二维码，当天在访客机上扫码即可签到。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="756" />
        <location filename="../../ui/desk/invitation_forms.py" line="1060" />
        <source>Invite</source>
        <translation>邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="791" />
        <location filename="../../ui/desk/invitation_forms.py" line="792" />
        <source>Edit invitation</source>
        <translation>修改邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="793" />
        <source>A new name, e-mail address or time is e-mailed to the visitor with a new QR code; the one sent before stops working. Another day: use Reschedule.</source>
        <translation>修改姓名、邮箱或时间后，访客会收到附新二维码的邮件，之前的二维码随即失效。改到其他日期请用“改期”。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="796" />
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="857" />
        <location filename="../../ui/desk/invitation_forms.py" line="869" />
        <source>Reschedule</source>
        <translation>改期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="858" />
        <source>Reschedule the visit</source>
        <translation>来访改期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="859" />
        <source>{visitor} to see {host}, now on {day}</source>
        <translation>{visitor} 拜访 {host}，目前安排在 {day}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="861" />
        <source>New day</source>
        <translation>新日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="866" />
        <source>The visitor is e-mailed a new QR code; the one sent before stops working.</source>
        <translation>访客将收到附新二维码的邮件，之前的二维码随即失效。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="868" />
        <source>No e-mail address: check the visitor in at the desk when they arrive.</source>
        <translation>未留邮箱：访客到达时请在前台为其签到。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="885" />
        <source>Choose the group's CSV file</source>
        <translation>选择团体访客 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="886" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="979" />
        <source>This file is too big for a group.</source>
        <translation>文件过大，不像团体访客名单。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="983" />
        <source>The file could not be read: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1013" />
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1067" />
        <source>Choose the host and the file to see who is invited.</source>
        <translation>请选择被访人和文件，即可查看将邀请的访客。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1096" />
        <source>Invite a group</source>
        <translation>团体邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1097" />
        <source>Invite a group from a CSV file</source>
        <translation>从 CSV 文件邀请团体访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1098" />
        <source>One visitor per line, columns name, phone and/or email, company (or 姓名, 手机, 邮箱, 公司); UTF-8 or GBK as Excel saves it. Everyone visits the same host on the same day.</source>
        <translation>每行一位访客，列名为 name、phone 和/或 email、company（或 姓名、手机、邮箱、公司）；UTF-8 或 Excel 保存的 GBK 编码均可。所有人同一天拜访同一位被访人。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1105" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1113" />
        <source>Choose CSV file…</source>
        <translation>选择 CSV 文件…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1115" />
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1117" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1190" />
        <location filename="../../ui/desk/invitation_forms.py" line="1191" />
        <source>Register a walk-in</source>
        <translation>登记临时访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1192" />
        <source>For a visitor without an invitation, checked as at the kiosk: the host is asked to approve, and the deny list is screened.</source>
        <translation>为没有邀请的访客登记，检查与访客机相同：请被访人批准，并核对禁入名单。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1196" />
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1199" />
        <source>ID or passport number (optional)</source>
        <translation>身份证或护照号码（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitation_forms.py" line="1210" />
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ui/desk/meeting_choice.py" line="60" />
        <source>(no topic)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/meeting_choice.py" line="67" />
        <source>This meeting no longer exists; choose another</source>
        <translation>该会议已不存在，请另选</translation>
    </message>
    <message>
        <location filename="../../ui/desk/meeting_choice.py" line="68" />
        <source>This meeting was cancelled or released; choose another</source>
        <translation>该会议已取消或已释放，请另选</translation>
    </message>
    <message>
        <location filename="../../ui/desk/meeting_choice.py" line="69" />
        <source>This meeting is on another day than the visit</source>
        <translation>该会议与来访不在同一天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/meeting_choice.py" line="130" />
        <source>The meetings could not be read: {error}</source>
        <translation>无法读取会议：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/meeting_choice.py" line="140" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/desk/meeting_choice.py" line="145" />
        <source>The host's meetings</source>
        <translation>被访人的会议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/meeting_choice.py" line="150" />
        <source>Other meetings that day</source>
        <translation>当天的其他会议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/meeting_choice.py" line="189" />
        <source>Reading the day's meetings…</source>
        <translation>正在读取当天的会议…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/meeting_choice.py" line="191" />
        <source>No meetings booked that day.</source>
        <translation>当天没有预订的会议。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/meeting_choice.py" line="193" />
        <source>The visitor's e-mail and badge then say the room and floor.</source>
        <translation>访客的邮件和访客证上会写明会议室和楼层。</translation>
    </message>
</context>
<context>
    <name>Invitations</name>
    <message>
        <location filename="../../ui/desk/invitations.py" line="79" />
        <source>No e-mail</source>
        <translation>无邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="81" />
        <source>Queued</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="82" />
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="83" />
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="84" />
        <source>Not delivered</source>
        <translation>未送达</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="93" />
        <source>Any time</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="99" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="113" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="114" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="115" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="116" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="117" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="118" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="119" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="120" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="122" />
        <source>Invitation e-mail</source>
        <translation>邀请邮件</translation>
    </message>
</context>
<context>
    <name>InvitationsView</name>
    <message>
        <location filename="../../ui/desk/invitations.py" line="148" />
        <source>Save the lobby poster</source>
        <translation>保存大堂海报</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="323" />
        <source>Nothing was changed.</source>
        <translation>没有修改任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="325" />
        <source>Saved. {visitor} is e-mailed the change with a new QR code; the old one no longer works.</source>
        <translation>已保存。已向 {visitor} 发送变更邮件及新二维码，旧二维码已失效。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="328" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="340" />
        <source>{visitor} now comes on {day}; a new QR code is e-mailed, the old one no longer works.</source>
        <translation>{visitor} 改为 {day} 来访；新二维码已通过邮件发送，旧二维码已失效。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="342" />
        <source>{visitor} now comes on {day}.</source>
        <translation>{visitor} 改为 {day} 来访。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="347" />
        <source>Send the invitation again?</source>
        <translation>重新发送邀请？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="348" />
        <source>{visitor} is e-mailed the invitation again at {email} with a new QR code. The code sent before stops working.</source>
        <translation>将向 {visitor}（{email}）重新发送邀请邮件及新二维码，之前发送的二维码将失效。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="350" />
        <location filename="../../ui/desk/invitations.py" line="463" />
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="354" />
        <source>The invitation is e-mailed to {visitor} again.</source>
        <translation>已重新向 {visitor} 发送邀请邮件。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="360" />
        <source>Cancel the invitation?</source>
        <translation>取消邀请？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="361" />
        <source>{visitor}'s visit on {day} is cancelled and the QR code stops working.</source>
        <translation>{visitor} {day} 的来访将被取消，二维码随即失效。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="363" />
        <source>The visitor is told by e-mail.</source>
        <translation>将通过邮件通知访客。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="364" />
        <location filename="../../ui/desk/invitations.py" line="464" />
        <source>Cancel invitation</source>
        <translation>取消邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="368" />
        <source>{visitor}'s invitation is cancelled.</source>
        <translation>{visitor} 的邀请已取消。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/invitations.py" line="380" />
        <source>%n visitor(s) invited.</source>
        <translation>
            <numerusform>已邀请 %n 位访客。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="422" />
        <source>Set [notify] public_url in the settings file to make the lobby poster.</source>
        <translation>请先在设置文件中填写 [notify] public_url，才能生成大堂海报。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="430" />
        <source>The PDF was not saved: {error}</source>
        <translation>PDF 未能保存：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="432" />
        <source>Lobby poster saved: {path}</source>
        <translation>大堂海报已保存：{path}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/invitations.py" line="437" />
        <source>%n invitation(s)</source>
        <translation>
            <numerusform>%n 个邀请</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/invitations.py" line="438" />
        <source>%n+ invitations, counting…</source>
        <translation>
            <numerusform>%n+ 个邀请，统计中…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="442" />
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="446" />
        <source>Could not read the invitations: {error}</source>
        <translation>无法读取邀请：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="456" />
        <source>Invitations</source>
        <translation>邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="457" />
        <source>New invitation</source>
        <translation>新建邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="458" />
        <source>Invite a group (CSV)…</source>
        <translation>团体邀请（CSV）…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="459" />
        <source>Lobby poster…</source>
        <translation>大堂海报…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="460" />
        <source>A4 poster for the lobby door: visitors scan it to register ahead</source>
        <translation>贴在大堂门口的 A4 海报：访客扫码即可提前预约</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="461" />
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="462" />
        <source>Reschedule</source>
        <translation>改期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="465" />
        <source>Find: visitor, company, phone, e-mail, host</source>
        <translation>查找：访客、公司、电话、邮箱、被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="466" />
        <source>Any host (name, pinyin, initials)</source>
        <translation>所有被访人（姓名、拼音、首字母）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="467" />
        <source>Show cancelled</source>
        <translation>显示已取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="469" />
        <source>All upcoming</source>
        <translation>全部待到访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="469" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="469" />
        <source>Next 7 days</source>
        <translation>未来 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="470" />
        <source>Next 30 days</source>
        <translation>未来 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/invitations.py" line="470" />
        <source>Choose days…</source>
        <translation>自选日期…</translation>
    </message>
</context>
<context>
    <name>LanguagePanel</name>
    <message>
        <location filename="../../ui/desk/agreements.py" line="182" />
        <source>Publish a new version…</source>
        <translation>发布新版本…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="185" />
        <source>Visitors sign version {version}</source>
        <translation>访客签署第 {version} 版</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="187" />
        <source>No version is shown to visitors</source>
        <translation>没有向访客展示的版本</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="189" />
        <source>No text yet</source>
        <translation>尚无文本</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="191" />
        <source>Nothing published in this language yet. Visitors using the kiosk in this language are shown the other language's text, if there is one.</source>
        <translation>此语言尚未发布文本。使用此语言的访客将看到另一种语言的文本（如有）。</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/desk/lock.py" line="61" />
        <source>The desk is locked</source>
        <translation>前台已锁屏</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lock.py" line="62" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lock.py" line="63" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lock.py" line="64" />
        <source>Sign in as someone else</source>
        <translation>换人登录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/lock.py" line="78" />
        <source>Signed in: {name}. Enter your password to continue.</source>
        <translation>当前登录：{name}。请输入密码继续。</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="165" />
        <source>Choose a check. The panel closes by itself when left alone.</source>
        <translation>请选择一项检查。无人操作时面板会自动关闭。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="182" />
        <source>Printing a test badge…</source>
        <translation>正在打印测试访客证…</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="189" />
        <source>The test badge did not print: {reason}</source>
        <translation>测试访客证未能打印：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="191" />
        <source>The test badge was sent to the printer.</source>
        <translation>测试访客证已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="207" />
        <source>No camera is running on this kiosk ([camera] source is empty or devices are not started).</source>
        <translation>本机没有运行中的摄像头（[camera] source 为空，或设备未启动）。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="219" />
        <source>Camera: working. Hold a QR code up to it: the picture should show it.</source>
        <translation>摄像头：工作正常。将二维码对准摄像头，画面中应能看到它。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="220" />
        <source>Camera: starting…</source>
        <translation>摄像头：正在启动…</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="221" />
        <source>Camera: not available, retrying.</source>
        <translation>摄像头：不可用，正在重试。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="222" />
        <source>Camera: turned off in the settings.</source>
        <translation>摄像头：已在设置中关闭。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="223" />
        <source>Camera: stopped.</source>
        <translation>摄像头：已停止。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="234" />
        <source>The settings file has a mistake, nothing was changed: {error}</source>
        <translation>设置文件有错误，未做任何更改：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="241" />
        <source>Settings reloaded from {source}.</source>
        <translation>已从 {source} 重新读取设置。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="243" />
        <source>Nothing has changed.</source>
        <translation>没有任何变化。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="245" />
        <source>Now in use: {keys}.</source>
        <translation>已生效：{keys}。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="247" />
        <source>These need a restart of the kiosk: {keys}.</source>
        <translation>以下设置需重启自助机后生效：{keys}。</translation>
    </message>
</context>
<context>
    <name>MaintenancePanel</name>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="122" />
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="123" />
        <source>Test print</source>
        <translation>测试打印</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="124" />
        <source>Camera test</source>
        <translation>摄像头测试</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="125" />
        <source>Reload settings</source>
        <translation>重新读取设置</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="126" />
        <source>Exit kiosk</source>
        <translation>退出自助机</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/panel.py" line="127" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MessageScreen</name>
    <message>
        <location filename="../../ui/kiosk/screens/message.py" line="62" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="59" />
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="249" />
        <source>Please see the front desk</source>
        <translation>请到前台办理</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="60" />
        <source>Our receptionist will be happy to help you.</source>
        <translation>前台工作人员会为您提供帮助。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="74" />
        <source>You have already signed out</source>
        <translation>您已经签离</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="75" />
        <source>Thank you for visiting. Have a good day!</source>
        <translation>感谢您的来访，祝您愉快！</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="82" />
        <source>We could not recognise this code</source>
        <translation>无法识别此二维码</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="86" />
        <source>This code was for an earlier day</source>
        <translation>此二维码的有效日期已过</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="90" />
        <source>This invitation is for a later day</source>
        <translation>此邀请的来访日期尚未到</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="91" />
        <source>We look forward to seeing you then. If the date looks wrong, please see the front desk.</source>
        <translation>期待届时与您见面。如日期有误，请到前台咨询。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="95" />
        <source>This invitation has already been used</source>
        <translation>此邀请已被使用</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="96" />
        <source>If you have checked in already, you are all set. Otherwise, please see the front desk.</source>
        <translation>如果您已签到，无需其他操作；否则请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="100" />
        <source>This visit has been cancelled</source>
        <translation>此次来访已取消</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="104" />
        <source>This code has been replaced</source>
        <translation>此二维码已被新的二维码取代</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="108" />
        <source>This invitation is for another building</source>
        <translation>此邀请属于其他办公地点</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="109" />
        <source>Please check the address on your invitation, or ask at the front desk.</source>
        <translation>请核对邀请中的地址，或询问前台。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="113" />
        <source>This code cannot be used here</source>
        <translation>此二维码不能在这里使用</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="114" />
        <source>Please see the front desk.</source>
        <translation>请到前台办理。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="142" />
        <source>That looks like a web link. Please show the QR code from your visitor invitation.</source>
        <translation>这是一个网址二维码。请出示访客邀请中的二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="145" />
        <source>That is a Wi-Fi code. Please show the QR code from your visitor invitation.</source>
        <translation>这是一个 Wi-Fi 二维码。请出示访客邀请中的二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="147" />
        <source>That code is not a visitor invitation. Please show the QR code we sent you.</source>
        <translation>这不是访客邀请二维码。请出示我们发送给您的二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="154" />
        <source>Sorry, something went wrong</source>
        <translation>抱歉，出了点问题</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="168" />
        <source>Please wait a moment</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="52" />
        <source>Or ask at the front desk: we are happy to help.</source>
        <translation>您也可以到前台咨询，我们很乐意为您服务。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="83" />
        <source>Please hold up the QR code from your invitation again.</source>
        <translation>请再次出示邀请函中的二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="87" />
        <source>Please ask your host for a new invitation.</source>
        <translation>请联系被访人重新发送邀请。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="101" />
        <source>Please contact your host.</source>
        <translation>请联系被访人。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="105" />
        <source>Please use the newest code you were sent.</source>
        <translation>请使用您收到的最新二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="120" />
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="164" />
        <source>Register as a walk-in</source>
        <translation>现场登记来访</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="129" />
        <source>Sign out by name</source>
        <translation>按姓名签离</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="133" />
        <source>We could not sign you out with this code</source>
        <translation>无法用此二维码为您签离</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="134" />
        <source>You can find your visit by name instead.</source>
        <translation>您可以改为按姓名查找并签离。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="155" />
        <source>Please try again in a moment.</source>
        <translation>请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="169" />
        <source>Several codes typed here were not recognised. Please try again in a minute, or hold up the QR code.</source>
        <translation>此处输入的多个邀请码未能识别。请一分钟后再试，或出示二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="190" />
        <source>{host} is not able to meet you right now</source>
        <translation>{host}暂时无法与您见面</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="192" />
        <source>We are sorry. The front desk can help you arrange another time.</source>
        <translation>非常抱歉。前台可以帮您另约时间。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="201" />
        <source>We only meet sales visitors by appointment</source>
        <translation>销售拜访需提前预约</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="202" />
        <source>Thank you for coming by. Leave your contact details and the right person will get back to you.</source>
        <translation>感谢您的到访。请留下联系方式，相关负责人会与您联系。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="206" />
        <source>Leave my contact details</source>
        <translation>留下联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="207" />
        <source>No, thank you</source>
        <translation>不用了，谢谢</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="216" />
        <source>Thank you, your details have been passed on</source>
        <translation>谢谢，您的联系方式已转交</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="217" />
        <source>Someone will be in touch. Have a good day!</source>
        <translation>我们会尽快与您联系。祝您愉快！</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="228" />
        <source>Please leave the parcel at the front desk. Reception has been told it is here.</source>
        <translation>请将包裹放在前台，前台已收到通知。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="230" />
        <source>{host} ({department})</source>
        <translation>{host}（{department}）</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="232" />
        <source>Please leave the parcel at the front desk. {recipient} has been told it is here.</source>
        <translation>请将包裹放在前台，已通知{recipient}。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="238" />
        <source>Thank you</source>
        <translation>谢谢</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="250" />
        <source>No problem. Our receptionist will help you with the next steps.</source>
        <translation>没关系，前台工作人员会为您办理后续事宜。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="258" />
        <source>Thank you for your visit</source>
        <translation>感谢您的来访</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="259" />
        <source>Have a safe journey. We hope to see you again soon.</source>
        <translation>一路平安，期待再次见到您。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="268" />
        <source>Your visit request has been cancelled</source>
        <translation>您的来访申请已取消</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="269" />
        <source>You are welcome to register again at any time.</source>
        <translation>欢迎您随时重新登记。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="280" />
        <source>Please enter your name</source>
        <translation>请输入您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="281" />
        <source>Please enter your mobile number</source>
        <translation>请输入您的手机号码</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="282" />
        <source>Please choose the person you are visiting</source>
        <translation>请选择被访人</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="283" />
        <source>Please choose the purpose of your visit</source>
        <translation>请选择来访事由</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="285" />
        <source>This does not look like a mobile number</source>
        <translation>手机号码格式不正确</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="286" />
        <source>An ID number has only letters and digits</source>
        <translation>证件号码只能包含字母和数字</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="287" />
        <source>This is too long</source>
        <translation>内容过长</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="288" />
        <source>Please use letters, digits and punctuation only</source>
        <translation>请只使用文字、数字和标点</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="290" />
        <source>This person no longer receives visitors; please choose someone else</source>
        <translation>此人已不再接待访客，请选择其他人</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/flow/visitor_messages.py" line="294" />
        <source>Please check this field</source>
        <translation>请检查此项</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/desk/notices.py" line="513" />
        <source>Change the notice</source>
        <translation>修改公告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="513" />
        <source>New notice</source>
        <translation>新建公告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="681" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="682" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="683" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="684" />
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="685" />
        <source>e.g. 消防演练</source>
        <translation>例如：消防演练</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="686" />
        <source>e.g. Fire drill</source>
        <translation>例如：Fire drill</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="687" />
        <source>e.g. 今天14:00进行消防演练，警报响起时请听从工作人员指挥。</source>
        <translation>例如：今天14:00进行消防演练，警报响起时请听从工作人员指挥。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="688" />
        <source>e.g. Fire drill today at 14:00. When the alarm sounds, please follow the staff.</source>
        <translation>例如：Fire drill today at 14:00. When the alarm sounds, please follow the staff.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="690" />
        <source>Shown from</source>
        <translation>显示日期：从</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="691" />
        <source>to the end of</source>
        <translation>到（含当天）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="693" />
        <source>One paragraph each, as plain text. A Chinese character counts as two. Where one language is empty, visitors reading it see the other.</source>
        <translation>中英文各写一段纯文本，一个汉字按两个字符计算。某种语言留空时，使用该语言的访客会看到另一种语言的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="695" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="695" />
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="696" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NoticePreview</name>
    <message>
        <location filename="../../ui/desk/notices.py" line="220" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="221" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="223" />
        <source>Choose a notice to see it in both languages.</source>
        <translation>选择一条公告，查看中英文内容。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="229" />
        <source>Shown from {first} to {last}, both days included</source>
        <translation>显示日期：{first} 至 {last}（含首尾两天）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="234" />
        <source>(empty: visitors reading Chinese see the English)</source>
        <translation>（未填写：使用中文的访客将看到英文内容）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="235" />
        <source>(empty: visitors reading English see the Chinese)</source>
        <translation>（未填写：使用英文的访客将看到中文内容）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="243" />
        <source>Published {time} by {who}</source>
        <translation>{who} 于 {time} 发布</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="246" />
        <source>withdrawn {time} by {who}</source>
        <translation>{who} 于 {time} 撤下</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="249" />
        <source>last changed {time} by {who}</source>
        <translation>{who} 于 {time} 最后修改</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="251" />
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>NoticesView</name>
    <message>
        <location filename="../../ui/desk/notices.py" line="381" />
        <source>The welcome screen shows no notice today.</source>
        <translation>今天欢迎屏幕上没有公告。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="383" />
        <source>No notice is waiting for its first day.</source>
        <translation>没有待开始的公告。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="385" />
        <source>No notice has ended yet.</source>
        <translation>还没有已结束的公告。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="436" />
        <source>Saved. The kiosk shows it from {day}.</source>
        <translation>已保存。自助机将从 {day} 起显示。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="438" />
        <source>Saved. The kiosk shows it now, until the end of {day}.</source>
        <translation>已保存。自助机现在开始显示，直到 {day} 结束。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="447" />
        <source>Withdraw this notice?</source>
        <translation>撤下这条公告？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="448" />
        <source>“{title}” comes off the kiosk's welcome screen at once. It stays in the list of past notices.</source>
        <translation>“{title}”将立即从自助机欢迎屏幕上撤下，并保留在已结束的公告列表中。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="450" />
        <source>Withdraw</source>
        <translation>撤下</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="454" />
        <source>Withdrawn. The kiosk no longer shows it.</source>
        <translation>已撤下。自助机不再显示这条公告。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/notices.py" line="484" />
        <source>Current (%n)</source>
        <translation>
            <numerusform>当前（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/notices.py" line="485" />
        <source>Upcoming (%n)</source>
        <translation>
            <numerusform>即将开始（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/notices.py" line="486" />
        <source>Past (%n)</source>
        <translation>
            <numerusform>已结束（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="489" />
        <source>Notices for visitors</source>
        <translation>访客公告</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="490" />
        <source>The kiosk's welcome screen shows the current notices in the visitor's language.</source>
        <translation>自助机欢迎屏幕会以访客选择的语言显示当前公告。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="491" />
        <source>New notice…</source>
        <translation>新建公告…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="492" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/notices.py" line="493" />
        <source>Withdraw…</source>
        <translation>撤下…</translation>
    </message>
</context>
<context>
    <name>OutgoingMailView</name>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="194" />
        <location filename="../../ui/desk/parcels/mail.py" line="300" />
        <location filename="../../ui/desk/parcels/mail.py" line="312" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="210" />
        <source>Fill in the marked fields.</source>
        <translation>请填写标红的项目。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="236" />
        <source>Logged: {recipient}</source>
        <translation>已登记：{recipient}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="260" />
        <location filename="../../ui/desk/parcels/mail.py" line="264" />
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="260" />
        <source>The carrier's tracking number:</source>
        <translation>快递单号：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="260" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="264" />
        <source>The postage receipt number (if any):</source>
        <translation>邮资收据号（如有）：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="265" />
        <source>Mark sent</source>
        <translation>标记为已寄出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/parcels/mail.py" line="282" />
        <source>Exported %n line(s) to {file}</source>
        <translation>
            <numerusform>已导出 %n 行到 {file}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="285" />
        <source>Export the statement</source>
        <translation>导出月结单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="287" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="298" />
        <source>Outgoing mail</source>
        <translation>寄出邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="299" />
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="299" />
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="299" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="299" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="299" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="300" />
        <source>Weight (kg)</source>
        <translation>重量（公斤）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="300" />
        <source>Fee (yuan)</source>
        <translation>运费（元）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="300" />
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="301" />
        <source>Postage receipt</source>
        <translation>邮资收据</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="301" />
        <source>Charge to</source>
        <translation>费用记入</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="304" />
        <source>The host sending it</source>
        <translation>寄件的员工</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="305" />
        <source>Department (default: the sender's)</source>
        <translation>部门（默认：寄件人所在部门）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="306" />
        <source>Log mail</source>
        <translation>登记邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="307" />
        <source>This month's mail</source>
        <translation>本月邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="308" />
        <source>Monthly statement per department and carrier</source>
        <translation>按部门和快递公司的月结单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="309" />
        <source>Mark sent…</source>
        <translation>标记为已寄出…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/mail.py" line="310" />
        <source>Export statement</source>
        <translation>导出月结单</translation>
    </message>
</context>
<context>
    <name>ParcelLogView</name>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="121" />
        <source>Returned to the carrier</source>
        <translation>已退回快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="121" />
        <source>The number on the carrier's receipt:</source>
        <translation>快递公司回执上的编号：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="122" />
        <source>Mark returned</source>
        <translation>标记为已退回</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="124" />
        <source>Cancel the parcel</source>
        <translation>作废包裹记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="124" />
        <source>Why is this record cancelled?</source>
        <translation>为什么作废这条记录？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="124" />
        <source>Cancel parcel</source>
        <translation>作废</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/parcels/log.py" line="224" />
        <source>%n parcel(s)</source>
        <translation>
            <numerusform>%n 个包裹</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/parcels/log.py" line="224" />
        <source>%n+ parcels</source>
        <translation>
            <numerusform>%n+ 个包裹</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="258" />
        <source>The label is printing again.</source>
        <translation>正在重新打印标签。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="280" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="286" />
        <source>Export parcels</source>
        <translation>导出包裹记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="287" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/parcels/log.py" line="293" />
        <source>Exported %n parcel(s) to {file}</source>
        <translation>
            <numerusform>已导出 %n 个包裹到 {file}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="307" />
        <source>Parcel log</source>
        <translation>包裹记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="308" />
        <source>Tracking number, recipient or sender</source>
        <translation>快递单号、收件人或寄件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="309" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="310" />
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="310" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="310" />
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="311" />
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="311" />
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="311" />
        <source>Choose dates</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="314" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="317" />
        <source>Waiting</source>
        <translation>待领取</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="317" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="317" />
        <source>To return</source>
        <translation>待退回</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="318" />
        <source>Damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/log.py" line="318" />
        <source>COD unpaid</source>
        <translation>代收款未报销</translation>
    </message>
</context>
<context>
    <name>ParcelPanel</name>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="76" />
        <source>Choose a parcel</source>
        <translation>请选择一个包裹</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="85" />
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="86" />
        <source>For: {name}</source>
        <translation>收件人：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="88" />
        <source>From: {sender}</source>
        <translation>寄件人：{sender}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="90" />
        <source>Shelf {shelf}, %n piece(s)</source>
        <translation>
            <numerusform>货架 {shelf}，共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="91" />
        <source>Condition: {condition}</source>
        <translation>状况：{condition}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="94" />
        <source>Note: {note}</source>
        <translation>说明：{note}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="96" />
        <source>COD {amount}, paid by {who}, {state}</source>
        <translation>代收货款 {amount}，由 {who} 垫付，{state}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="98" />
        <source>reimbursed</source>
        <translation>已报销</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="98" />
        <source>not reimbursed yet</source>
        <translation>尚未报销</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="100" />
        <source>Received {when}, %n day(s) waiting</source>
        <translation>
            <numerusform>{when} 签收，已等待 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="102" />
        <source>Received {when}</source>
        <translation>{when} 签收</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="104" />
        <source>Picked up by {name} at {when}; checked: {checked}</source>
        <translation>{name} 于 {when} 领取；核验：{checked}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="107" />
        <source>On behalf of {name}, phone {phone}</source>
        <translation>代 {name} 领取，电话 {phone}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="110" />
        <source>Returned {when}, carrier's receipt {receipt}</source>
        <translation>{when} 已退回，快递回执 {receipt}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="117" />
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="123" />
        <source>History</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="136" />
        <source>Returned to carrier…</source>
        <translation>退回快递公司…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="137" />
        <source>COD reimbursed</source>
        <translation>代收款已报销</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="138" />
        <source>Reprint label</source>
        <translation>重新打印标签</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcel_detail.py" line="139" />
        <source>Cancel…</source>
        <translation>作废…</translation>
    </message>
</context>
<context>
    <name>ParcelsView</name>
    <message numerus="yes">
        <location filename="../../ui/desk/parcels/parcels_view.py" line="131" />
        <source>%n courier announcement(s) from the kiosk to complete</source>
        <translation>
            <numerusform>%n 条快递员在自助机上的登记待补全</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcels_view.py" line="149" />
        <location filename="../../ui/desk/parcels/parcels_view.py" line="169" />
        <source>Pickup code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcels_view.py" line="151" />
        <source>The shelf label is printing; the recipient has been told.</source>
        <translation>货架标签正在打印；已通知收件人。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcels_view.py" line="153" />
        <source>No label printer at this desk: write the code on the parcel. The recipient has been told.</source>
        <translation>本前台没有标签打印机：请把取件码写在包裹上。已通知收件人。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcels_view.py" line="166" />
        <source>Parcels</source>
        <translation>快递包裹</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcels_view.py" line="167" />
        <source>Receive</source>
        <translation>签收</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcels_view.py" line="168" />
        <source>Pick up</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/parcels_view.py" line="170" />
        <source>When a courier announces a parcel at the kiosk, it appears here: choose it to complete the record as it is put on the shelf.</source>
        <translation>快递员在自助机上登记的包裹会显示在这里：上架时选中它即可补全记录。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/desk/staff.py" line="278" />
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="278" />
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="279" />
        <source>A new password for {name}. Tell it to them in person; the account is unlocked too.</source>
        <translation>为 {name} 设置新密码。请当面告诉本人；账号也会同时解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="284" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="285" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>PhotoScreen</name>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="218" />
        <source>Your photo for the visitor badge</source>
        <translation>拍摄访客证照片</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="219" />
        <source>Is this photo all right?</source>
        <translation>这张照片可以吗？</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="221" />
        <source>With your consent we take one photo. It is printed on your badge and kept only with this visit.</source>
        <translation>经您同意，我们将拍摄一张照片，印在访客证上，仅随本次来访记录保存。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="222" />
        <source>Camera unavailable</source>
        <translation>摄像头暂不可用</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="226" />
        <source>The camera is not available right now. Please continue; the front desk will take your photo.</source>
        <translation>摄像头暂时无法使用。请继续，前台会为您拍照。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="229" />
        <source>Look at the camera and smile…</source>
        <translation>请看摄像头，微笑…</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="232" />
        <source>Use it, or take it again.</source>
        <translation>可以使用，也可以重拍。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="235" />
        <source>Keep your face inside the oval.</source>
        <translation>请将面部保持在椭圆框内。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="236" />
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="237" />
        <source>Yes, take my photo</source>
        <translation>好的，请拍照</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="238" />
        <source>Use this photo</source>
        <translation>使用这张照片</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="239" />
        <source>Retake</source>
        <translation>重拍</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="240" />
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/photo.py" line="240" />
        <source>Continue without a photo</source>
        <translation>不拍照，继续</translation>
    </message>
</context>
<context>
    <name>PickupPanel</name>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="177" />
        <source>shelf {shelf}</source>
        <translation>货架 {shelf}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/parcels/pickup.py" line="178" />
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="180" />
        <source>COD {amount}</source>
        <translation>代收 {amount}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/parcels/pickup.py" line="191" />
        <source>%n parcel(s) waiting for {name}</source>
        <translation>
            <numerusform>{name} 有 %n 个包裹待领取</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="195" />
        <source>Nothing is waiting for this code or person.</source>
        <translation>此取件码或此人没有待领取的包裹。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="229" />
        <source>Tick what was checked, and sign.</source>
        <translation>请勾选核验的证件并签名。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/parcels/pickup.py" line="250" />
        <source>%n parcel(s) handed over.</source>
        <translation>
            <numerusform>已交付 %n 个包裹。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="284" />
        <source>Pickup code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="284" />
        <source>Or by name</source>
        <translation>或按姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="284" />
        <source>Collected by</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="285" />
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="285" />
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="287" />
        <source>Scan the recipient's QR or type the code</source>
        <translation>扫描收件人的二维码或输入取件码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="288" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="289" />
        <source>Name of the person taking the parcels</source>
        <translation>领取包裹的人的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="290" />
        <source>Identity checked:</source>
        <translation>已核验身份：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="291" />
        <source>staff card</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="291" />
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="292" />
        <source>known in person</source>
        <translation>本人认识</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="297" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="298" />
        <source>Collected on someone's behalf</source>
        <translation>代他人领取</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="299" />
        <source>Collector's name</source>
        <translation>代领人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="299" />
        <source>Collector's phone</source>
        <translation>代领人电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="300" />
        <source>Collector's signature</source>
        <translation>代领人签名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/pickup.py" line="302" />
        <source>Hand over</source>
        <translation>交付</translation>
    </message>
</context>
<context>
    <name>PinGate</name>
    <message>
        <location filename="../../ui/kiosk/maintenance/corner.py" line="234" />
        <source>Maintenance needs a PIN first. On this computer, run “kioskctl kiosk set-pin” and put the line it prints under [kiosk] in the settings file.</source>
        <translation>需要先设置维护 PIN 码。请在本机运行“kioskctl kiosk set-pin”，并将它输出的那一行放入设置文件的 [kiosk] 部分。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/corner.py" line="253" />
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>PIN 码错误次数过多，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/corner.py" line="238" />
        <location filename="../../ui/kiosk/maintenance/corner.py" line="260" />
        <location filename="../../ui/kiosk/maintenance/corner.py" line="279" />
        <source>Enter the maintenance PIN.</source>
        <translation>请输入维护 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/corner.py" line="295" />
        <source>Wrong PIN. Tries left before a one-minute wait: {left}</source>
        <translation>PIN 码错误。再错 {left} 次将需等待一分钟。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../ui/kiosk/maintenance/corner.py" line="204" />
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/corner.py" line="205" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/corner.py" line="206" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/maintenance/corner.py" line="207" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../ui/desk/agreements.py" line="345" />
        <source>Publish a new version</source>
        <translation>发布新版本</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="349" />
        <source>{type} · {language} · version {version}</source>
        <translation>{type} · {language} · 第 {version} 版</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="352" />
        <source>This is the first text in this language. Visitors are shown it from now on.</source>
        <translation>这是此语言的第一个文本。从现在起访客将看到它。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/agreements.py" line="354" />
        <source>Visitors are shown this text from now on. Version {old} stays as it is, with the %n signature(s) given on it.</source>
        <translation>
            <numerusform>从现在起访客将看到此文本。第 {old} 版保持不变，其上的 %n 个签名仍然有效。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="360" />
        <location filename="../../ui/desk/agreements.py" line="380" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="363" />
        <source>The text visitors read before they sign</source>
        <translation>访客签署前阅读的文本</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="367" />
        <source>Publish version {version}</source>
        <translation>发布第 {version} 版</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="368" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="382" />
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="390" />
        <source>The text is longer than 50,000 characters.</source>
        <translation>正文超过 50,000 个字符。</translation>
    </message>
</context>
<context>
    <name>PurchasesView</name>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="53" />
        <source>Purchase</source>
        <translation>采购</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="54" />
        <source>Yes</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="130" />
        <source>Choose a purchase request</source>
        <translation>请选择一条采购申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="131" />
        <source>#{n} · {status}</source>
        <translation>#{n} · {status}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="135" />
        <source>A supervisor approves purchases.</source>
        <translation>采购申请由主管审批。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="148" />
        <source>Nothing is under its minimum: nothing to suggest.</source>
        <translation>没有低于最低库存的物品，无需建议采购。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/supplies/purchases.py" line="150" />
        <source>Suggested from low stock: %n line(s).</source>
        <translation>
            <numerusform>已按低库存生成建议：%n 行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="183" />
        <source>Cancel purchase request #{n}?</source>
        <translation>取消采购申请 #{n}？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="199" />
        <source>Purchases</source>
        <translation>采购申请</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/supplies/purchases.py" line="200" />
        <source>%n purchase request(s)</source>
        <translation>
            <numerusform>%n 条采购申请</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="201" />
        <source>Suggest from low stock</source>
        <translation>按低库存建议采购</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="202" />
        <source>New purchase request</source>
        <translation>新建采购申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="203" />
        <source>Submit</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="204" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="205" />
        <source>Mark ordered</source>
        <translation>标记已下单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="206" />
        <source>Receive…</source>
        <translation>到货入库…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/purchases.py" line="207" />
        <source>Cancel request</source>
        <translation>取消申请</translation>
    </message>
</context>
<context>
    <name>QuickFind</name>
    <message>
        <location filename="../../ui/desk/quick_find.py" line="51" />
        <source>Find a visitor or a host (Ctrl+K)</source>
        <translation>查找访客或被访人（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/quick_find.py" line="78" />
        <source>Nothing found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/quick_find.py" line="80" />
        <source>Visitor: {name} · {company} — {day} {status}, to see {host}</source>
        <translation>访客：{name} · {company} — {day} {status}，拜访 {host}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/quick_find.py" line="85" />
        <source>Host: {name} · {department} · {email}</source>
        <translation>被访人：{name} · {department} · {email}</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <location filename="../../ui/kiosk/screens/rating.py" line="78" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/rating.py" line="80" />
        <source>Goodbye, {name}</source>
        <translation>再见，{name}</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/rating.py" line="80" />
        <source>Goodbye</source>
        <translation>再见</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/rating.py" line="81" />
        <source>You are signed out. How was your visit today?</source>
        <translation>您已签离。您对今天的来访体验满意吗？</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/rating.py" line="82" />
        <source>1 star: poor · 5 stars: excellent</source>
        <translation>1 星：不满意 · 5 星：非常满意</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/rating.py" line="83" />
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kiosk/screens/rating.py" line="85" />
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n 星</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceivePanel</name>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="220" />
        <location filename="../../ui/desk/parcels/receive.py" line="518" />
        <source>Carrier: guess from the number</source>
        <translation>快递公司：按单号识别</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="301" />
        <source>Photo of the parcel</source>
        <translation>包裹照片</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="302" />
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="313" />
        <location filename="../../ui/desk/parcels/receive.py" line="512" />
        <source>No photo yet</source>
        <translation>尚无照片</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/parcels/receive.py" line="328" />
        <source>%n parcel(s) in this batch</source>
        <translation>
            <numerusform>本批已登记 %n 个包裹</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="360" />
        <source>Fill in the marked fields.</source>
        <translation>请填写标红的项目。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="493" />
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="493" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="493" />
        <source>For</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="494" />
        <source>Sender</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="494" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="494" />
        <source>Pieces</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="495" />
        <source>Cash on delivery (yuan)</source>
        <translation>代收货款（元）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="495" />
        <source>Condition</source>
        <translation>包裹状况</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="496" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="496" />
        <source>Note for the claim</source>
        <translation>理赔说明</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="496" />
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="500" />
        <source>Scan the label or type the number</source>
        <translation>扫描面单或输入单号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="501" />
        <source>Scan with camera</source>
        <translation>摄像头扫描</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="502" />
        <source>Reception</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="503" />
        <source>Sender's name</source>
        <translation>寄件人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="504" />
        <source>Sender's company</source>
        <translation>寄件单位</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="506" />
        <source>Paid by (e.g. Reception, or a name)</source>
        <translation>垫付人（如：前台，或姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="509" />
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="510" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="513" />
        <source>What is damaged, for the claim</source>
        <translation>破损情况，用于理赔</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="514" />
        <source>e.g. A3</source>
        <translation>例如 A3</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="515" />
        <source>Batch: a courier with many parcels</source>
        <translation>批量：一位快递员送来多件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/parcels/receive.py" line="516" />
        <source>Save and print label</source>
        <translation>保存并打印标签</translation>
    </message>
</context>
<context>
    <name>RecipientPicker</name>
    <message>
        <location filename="../../ui/desk/parcels/recipients.py" line="110" />
        <source>Name or department of the recipient</source>
        <translation>收件人姓名或部门</translation>
    </message>
</context>
<context>
    <name>ReportsDashboard</name>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="67" />
        <source>Save the monthly report</source>
        <translation>保存月度报表</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="167" />
        <source>The last day is before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="171" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="186" />
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="190" />
        <source>vs period before</source>
        <translation>环比</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="191" />
        <source>vs a year before</source>
        <translation>同比</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="196" />
        <source>Hosts who never answered: {hosts} · Check rounds missed: {missed}</source>
        <translation>未回应的接待人：{hosts} 次 · 漏检：{missed} 次</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="212" />
        <source>Meeting room use</source>
        <translation>会议室使用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="213" />
        <source>Office supplies by department</source>
        <translation>办公用品领用（按部门）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="225" />
        <source>Drawing the report of {month}…</source>
        <translation>正在生成 {month} 的报表…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="231" />
        <source>Saved {name}.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="243" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="244" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="245" />
        <source>Last month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="246" />
        <source>Month on month</source>
        <translation>环比</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="247" />
        <source>Year on year</source>
        <translation>同比</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="248" />
        <source>Save monthly PDF…</source>
        <translation>保存月度 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="249" />
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="250" />
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/reports/dashboard.py" line="251" />
        <source>The PDF's language</source>
        <translation>PDF 的语言</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="52" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="108" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="108" />
        <location filename="../../ui/desk/supplies/reports.py" line="137" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="108" />
        <location filename="../../ui/desk/supplies/reports.py" line="118" />
        <location filename="../../ui/desk/supplies/reports.py" line="127" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="108" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="109" />
        <location filename="../../ui/desk/supplies/reports.py" line="119" />
        <location filename="../../ui/desk/supplies/reports.py" line="127" />
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="118" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="118" />
        <location filename="../../ui/desk/supplies/reports.py" line="127" />
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="118" />
        <location filename="../../ui/desk/supplies/reports.py" line="127" />
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="119" />
        <source>Average cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="123" />
        <source>Total {value}</source>
        <translation>合计 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="128" />
        <source>Last issued</source>
        <translation>最近发放</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="131" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/supplies/reports.py" line="132" />
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/supplies/reports.py" line="133" />
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 个物品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="134" />
        <source>Items with stock and no issue for a long time.</source>
        <translation>有库存但长期未发放的物品。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="137" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="137" />
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="137" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="138" />
        <source>Age (days)</source>
        <translation>已等待（天）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="138" />
        <source>Open units</source>
        <translation>未发数量</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/supplies/reports.py" line="142" />
        <source>%n open</source>
        <translation>
            <numerusform>%n 条未完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/supplies/reports.py" line="157" />
        <source>%n row(s) exported.</source>
        <translation>
            <numerusform>已导出 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="170" />
        <source>Supply reports</source>
        <translation>用品报表</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="171" />
        <source>Consumption per department per month</source>
        <translation>各部门月度领用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="171" />
        <source>Stock value</source>
        <translation>库存金额</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="172" />
        <source>Slow movers</source>
        <translation>呆滞物品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="172" />
        <source>Open requisitions by age</source>
        <translation>未完成领用（按等待时间）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/reports.py" line="174" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>RequisitionsView</name>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="73" />
        <source>Requisition</source>
        <translation>领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="73" />
        <source>Yes</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="75" />
        <source>Decline the requisition</source>
        <translation>驳回领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="75" />
        <source>Why is it declined?</source>
        <translation>驳回原因？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="75" />
        <location filename="../../ui/desk/supplies/requisitions.py" line="270" />
        <source>Decline</source>
        <translation>驳回</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/supplies/requisitions.py" line="140" />
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="165" />
        <source>Choose a requisition</source>
        <translation>请选择一条领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="166" />
        <source>#{n} · {requester} · {department}</source>
        <translation>#{n} · {requester} · {department}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="173" />
        <source>A supervisor approves requisitions.</source>
        <translation>领用申请由主管审批。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="227" />
        <source>The rest stays open: cancel it, or turn it into a purchase request.</source>
        <translation>未发部分保持待发：可取消，或转为采购申请。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="228" />
        <source>Issued to {name}.</source>
        <translation>已发放给 {name}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="233" />
        <source>Cancel what is still open on #{n}?</source>
        <translation>取消 #{n} 中尚未发放的部分？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="247" />
        <source>Purchase request #{n} drafted for what is still open.</source>
        <translation>已为未发部分生成采购申请草稿 #{n}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="264" />
        <source>Requisitions</source>
        <translation>领用申请</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/supplies/requisitions.py" line="265" />
        <source>%n requisition(s)</source>
        <translation>
            <numerusform>%n 条领用申请</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="266" />
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="267" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="268" />
        <source>New requisition</source>
        <translation>新建领用申请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="269" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="271" />
        <source>Issue…</source>
        <translation>发放…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="272" />
        <source>Cancel the rest</source>
        <translation>取消未发部分</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/requisitions.py" line="273" />
        <source>Purchase the rest</source>
        <translation>未发部分转采购</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/desk/staff.py" line="265" />
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="266" />
        <source>The role of {name}:</source>
        <translation>{name} 的角色：</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="270" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <location filename="../../ui/kiosk/screens/scan.py" line="182" />
        <source>Please type the code printed under the QR code on your invitation.</source>
        <translation>请输入邀请函二维码下方的邀请码。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/scan.py" line="191" />
        <source>Scanning: hold the code inside the frame, about 20 cm away</source>
        <translation>正在扫描：请将二维码放在框内，距离约 20 厘米</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/scan.py" line="195" />
        <source>The camera is not available right now. Please type your code below.</source>
        <translation>摄像头暂时无法使用，请在下方输入邀请码。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/scan.py" line="196" />
        <source>Camera unavailable</source>
        <translation>摄像头暂不可用</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/scan.py" line="199" />
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/scan.py" line="204" />
        <source>Show your invitation</source>
        <translation>出示您的邀请</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/scan.py" line="205" />
        <source>Hold the QR code from your invitation message up to the camera.</source>
        <translation>请将邀请信息中的二维码对准摄像头。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/scan.py" line="206" />
        <source>No QR code? Type your invitation code</source>
        <translation>没有二维码？输入邀请码</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/scan.py" line="207" />
        <source>It is printed under the QR code, like ABCD-1234.</source>
        <translation>邀请码印在二维码下方，形如 ABCD-1234。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/scan.py" line="208" />
        <source>Invitation code</source>
        <translation>邀请码</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/scan.py" line="209" />
        <source>Check in</source>
        <translation>签到</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="91" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="92" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="93" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="94" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="120" />
        <source>No one can sign in yet. Create the first administrator account.</source>
        <translation>还没有任何账号。请先创建第一个管理员账号。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="121" />
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="123" />
        <source>Front desk: sign in to continue.</source>
        <translation>前台：请登录后继续。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="124" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="31" />
        <location filename="../../ui/desk/sign_in.py" line="131" />
        <source>Please fill in a user name and a password.</source>
        <translation>请填写用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="23" />
        <source>Too many wrong passwords. This account is locked for 15 minutes.</source>
        <translation>密码错误次数过多，此账号已锁定 15 分钟。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="25" />
        <source>The user name or password is not right.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="28" />
        <source>A password has at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="30" />
        <source>The new password is the same as the old one.</source>
        <translation>新密码与旧密码相同。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="33" />
        <source>An account already exists. Sign in with it.</source>
        <translation>已有账号，请用它登录。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="34" />
        <source>The desk cannot reach the database. Try again in a moment.</source>
        <translation>前台暂时无法连接数据库，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/sign_in.py" line="134" />
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SignOutScreen</name>
    <message>
        <location filename="../../ui/kiosk/screens/sign_out.py" line="117" />
        <source>Signing out</source>
        <translation>签离</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/sign_out.py" line="118" />
        <source>Thank you for visiting.</source>
        <translation>感谢您的来访。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/sign_out.py" line="119" />
        <source>Hold the QR code on your visitor badge up to the camera.</source>
        <translation>请将访客证上的二维码对准摄像头。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/sign_out.py" line="120" />
        <source>Lost your badge? Find your name</source>
        <translation>访客证丢失？按姓名查找</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/sign_out.py" line="121" />
        <source>Start typing your name</source>
        <translation>请输入您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/sign_out.py" line="123" />
        <source>No one by that name is signed in. Please check the spelling, or see the front desk.</source>
        <translation>没有找到该姓名的在访记录。请检查输入，或到前台办理。</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../../ui/desk/staff.py" line="123" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="123" />
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="123" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="123" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="124" />
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="124" />
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="139" />
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="141" />
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="142" />
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="147" />
        <source>{name} (you)</source>
        <translation>{name}（你）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="149" />
        <source>Never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <location filename="../../ui/desk/staff.py" line="72" />
        <source>Only an administrator may manage staff accounts.</source>
        <translation>只有管理员可以管理员工账号。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="74" />
        <source>{name} is the only active administrator. Make someone else an administrator first, or nobody could manage staff accounts.</source>
        <translation>{name} 是唯一在用的管理员。请先让另一位员工成为管理员，否则将没有人能管理员工账号。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="78" />
        <source>The user name {name} is taken. Choose another.</source>
        <translation>用户名 {name} 已被使用，请换一个。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="80" />
        <source>This account no longer exists.</source>
        <translation>此账号已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="84" />
        <location filename="../../ui/desk/staff.py" line="224" />
        <source>A password has at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="86" />
        <location filename="../../ui/desk/staff.py" line="255" />
        <source>Please fill in a user name.</source>
        <translation>请填写用户名。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="88" />
        <source>A user name has at most 64 characters.</source>
        <translation>用户名最多 64 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="90" />
        <source>A display name has at most 200 characters.</source>
        <translation>显示名称最多 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="92" />
        <source>The name has characters that are not allowed (line breaks, control characters).</source>
        <translation>名称中含有不允许的字符（换行符、控制字符）。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="94" />
        <source>That did not work. Try again in a moment.</source>
        <translation>操作未成功，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="222" />
        <location filename="../../ui/desk/staff.py" line="420" />
        <location filename="../../ui/desk/staff.py" line="466" />
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="395" />
        <location filename="../../ui/desk/staff.py" line="530" />
        <source>Active accounts: {count}</source>
        <translation>在用账号：{count} 个</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="404" />
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="407" />
        <location filename="../../ui/desk/staff.py" line="452" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="424" />
        <source>{name} can sign in now, as {role}.</source>
        <translation>{name} 现在可以登录了，角色：{role}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="435" />
        <source>{name} is now {role}.</source>
        <translation>{name} 现在的角色是{role}。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="444" />
        <source>{name} can sign in again.</source>
        <translation>{name} 可以重新登录了。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="447" />
        <source>Deactivate your own account? You will not be able to sign in again; another administrator would have to reactivate it.</source>
        <translation>停用你自己的账号？你将无法再登录，需要另一位管理员重新启用。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="450" />
        <source>Deactivate {name}? They will not be able to sign in; their history stays.</source>
        <translation>停用 {name}？此人将无法登录，其操作记录会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="452" />
        <source>Deactivate account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="455" />
        <source>{name} can no longer sign in.</source>
        <translation>{name} 已不能登录。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="469" />
        <source>New password set for {name}; the account is unlocked.</source>
        <translation>已为 {name} 设置新密码，账号已解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="519" />
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="520" />
        <source>Who may use the desk. A receptionist does the day's work; a supervisor also approves, reads reports and the audit log; an administrator also manages accounts, settings and the deny list.</source>
        <translation>谁可以使用前台系统。前台接待处理日常工作；主管还可以审批、查看报表和审计日志；管理员还可以管理账号、设置和禁入名单。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="523" />
        <source>Add account…</source>
        <translation>添加账号…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="524" />
        <source>Change role…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/staff.py" line="525" />
        <source>Reset password…</source>
        <translation>重设密码…</translation>
    </message>
</context>
<context>
    <name>StocktakeView</name>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="90" />
        <source>Save the count sheet</source>
        <translation>保存盘点表</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="91" />
        <location filename="../../ui/desk/supplies/stocktake.py" line="311" />
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="92" />
        <location filename="../../ui/desk/supplies/stocktake.py" line="315" />
        <source>Post</source>
        <translation>过账</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="200" />
        <source>{counted} of {lines} counted</source>
        <translation>已盘 {counted} / {lines}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="219" />
        <source>Reason for the variance (required)</source>
        <translation>差异原因（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="220" />
        <source>Reason (only for a variance)</source>
        <translation>原因（有差异时填写）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="237" />
        <source>Fast movers</source>
        <translation>常用物品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="254" />
        <source>{code} is not on this sheet.</source>
        <translation>{code} 不在本盘点表中。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="277" />
        <source>A reason is needed for every variance: {items}</source>
        <translation>每项差异都需填写原因：{items}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="280" />
        <source>Post this stocktake? The book will agree with the counts.</source>
        <translation>确认过账？账面数量将调整为实盘数量。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="285" />
        <source>Posted: the book now agrees with the count.</source>
        <translation>已过账：账面与实盘一致。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="298" />
        <source>The PDF was not saved: {error}</source>
        <translation>PDF 未能保存：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="300" />
        <source>Count sheet saved: {path}</source>
        <translation>盘点表已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="312" />
        <source>Count this location</source>
        <translation>盘点此库位</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="313" />
        <source>Count fast movers…</source>
        <translation>盘点常用物品…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="314" />
        <source>Print / Save PDF…</source>
        <translation>打印 / 保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="316" />
        <source>Save count</source>
        <translation>保存盘点数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/stocktake.py" line="317" />
        <source>Scan or type a barcode</source>
        <translation>扫描或输入条码</translation>
    </message>
</context>
<context>
    <name>SuppliesView</name>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="59" />
        <source>Import items</source>
        <translation>导入物品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="140" />
        <source>History of {name}</source>
        <translation>{name} 的出入库记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="170" />
        <source>Saved: {name}</source>
        <translation>已保存：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="183" />
        <source>{name}: {n} on hand now</source>
        <translation>{name}：当前库存 {n}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/supplies/items_view.py" line="194" />
        <source>%n item(s) added or updated.</source>
        <translation>
            <numerusform>已新增或更新 %n 个物品。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="196" />
        <source>Refused: {rows}</source>
        <translation>未导入：{rows}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="209" />
        <source>Supplies</source>
        <translation>办公用品</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/supplies/items_view.py" line="210" />
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 个物品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/supplies/items_view.py" line="211" />
        <source>Low stock: %n</source>
        <translation>
            <numerusform>库存不足：%n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="212" />
        <source>New item</source>
        <translation>新建物品</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="213" />
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="214" />
        <source>Receive stock</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="215" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="216" />
        <source>Search name, specification, category, location or barcode</source>
        <translation>搜索名称、规格、类别、库位或条码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/supplies/items_view.py" line="218" />
        <source>Choose an item to see its history</source>
        <translation>选择物品查看出入库记录</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/desk/today.py" line="139" />
        <source>Save the evacuation list</source>
        <translation>保存疏散名单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="146" />
        <location filename="../../ui/desk/today.py" line="363" />
        <source>Today's visitors</source>
        <translation>今日访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="153" />
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="155" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="157" />
        <source>Register a walk-in…</source>
        <translation>登记临时访客…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="158" />
        <source>New invitation…</source>
        <translation>新建邀请…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="176" />
        <source>Visitor board</source>
        <translation>访客看板</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="177" />
        <source>On site (evacuation)</source>
        <translation>在访人员（疏散名单）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="181" />
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="212" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="213" />
        <location filename="../../ui/desk/today.py" line="511" />
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="214" />
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="215" />
        <source>Sign out</source>
        <translation>签离</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="216" />
        <location filename="../../ui/desk/today.py" line="534" />
        <source>Reprint badge</source>
        <translation>重打访客证</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="217" />
        <source>Lost badge – reissue</source>
        <translation>访客证遗失 – 补发</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="218" />
        <source>No-show</source>
        <translation>未到访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="219" />
        <location filename="../../ui/desk/today.py" line="523" />
        <source>Release hold</source>
        <translation>解除暂缓</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="233" />
        <source>Find on the board: name, company, host</source>
        <translation>在看板中查找：姓名、公司、被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="267" />
        <source>Everyone signed in right now: the list to check at the assembly point.</source>
        <translation>当前在访的所有人员：紧急疏散时在集合点逐一核对。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="269" />
        <source>Print evacuation list</source>
        <translation>打印疏散名单</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="270" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="302" />
        <source>Evacuation list sent to the printer.</source>
        <translation>疏散名单已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="312" />
        <source>The PDF was not saved: {error}</source>
        <translation>PDF 未能保存：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="314" />
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="364" />
        <source>Visitors on {day}</source>
        <translation>{day} 的访客</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/today.py" line="417" />
        <source>%n waiting for approval</source>
        <translation>
            <numerusform>%n 人等待批准</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/today.py" line="418" />
        <source>Expected %n</source>
        <translation>
            <numerusform>待到访 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/today.py" line="419" />
        <source>On site %n</source>
        <translation>
            <numerusform>在访 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/today.py" line="420" />
        <source>Held %n</source>
        <translation>
            <numerusform>暂缓 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/today.py" line="421" />
        <source>Late %n</source>
        <translation>
            <numerusform>迟到 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/today.py" line="422" />
        <source>Signed out %n</source>
        <translation>
            <numerusform>已签离 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/today.py" line="425" />
        <source>%n on site</source>
        <translation>
            <numerusform>在访 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="428" />
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/today.py" line="440" />
        <source>%n walk-in(s) waiting for approval</source>
        <translation>
            <numerusform>%n 位临时访客等待批准</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/today.py" line="444" />
        <source>Notices not sent: %n</source>
        <translation>
            <numerusform>未发送的通知：%n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="449" />
        <source>Could not read the visitor list: {error}</source>
        <translation>无法读取访客列表：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="509" />
        <source>Decline the visit?</source>
        <translation>拒绝此次来访？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="510" />
        <source>Why is {visitor} declined? (optional, kept in the visit's history)</source>
        <translation>为什么拒绝 {visitor}？（可不填，记入来访记录）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="521" />
        <source>Release the hold?</source>
        <translation>解除暂缓？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="522" />
        <source>{visitor} matched the deny list. Why may they come in?</source>
        <translation>{visitor} 命中禁入名单。为什么可以放行？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="533" />
        <source>Reprint the badge?</source>
        <translation>重打访客证？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="533" />
        <source>Why is the badge printed again?</source>
        <translation>为什么需要重打访客证？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="537" />
        <source>Badge sent to the printer.</source>
        <translation>访客证已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="545" />
        <source>Reissue the badge?</source>
        <translation>补发访客证？</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="546" />
        <source>{visitor}'s lost badge will stop working and a new one will be printed.</source>
        <translation>{visitor} 遗失的访客证将立即失效，并打印一张新访客证。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="548" />
        <source>Reissue badge</source>
        <translation>补发访客证</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="551" />
        <source>New badge sent to the printer; the lost one no longer works.</source>
        <translation>新访客证已发送到打印机，遗失的访客证已失效。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="568" />
        <source>The notice will be sent again shortly.</source>
        <translation>该通知稍后将重新发送。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/today.py" line="572" />
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <location filename="../../ui/desk/agreements.py" line="61" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="61" />
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="61" />
        <source>By</source>
        <translation>发布人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="61" />
        <source>Signed</source>
        <translation>签署次数</translation>
    </message>
    <message>
        <location filename="../../ui/desk/agreements.py" line="61" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>VisitPanel</name>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="44" />
        <source>Choose a visit to see its details.</source>
        <translation>选择一条来访记录以查看详情。</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="70" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="70" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="70" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="71" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="71" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="72" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="73" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="74" />
        <source>Expected</source>
        <translation>待到访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="75" />
        <source>Checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="76" />
        <source>Signed out</source>
        <translation>已签离</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="77" />
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="86" />
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="87" />
        <source>{title}, version {version} ({language}), signed {at}</source>
        <translation>{title}，第 {version} 版（{language}），签署于 {at}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="91" />
        <source>Badges</source>
        <translation>访客证</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="92" />
        <source>{at} {reason}: {status} ({by})</source>
        <translation>{at} {reason}：{status}（{by}）</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="97" />
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="101" />
        <source>History</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="123" />
        <source>Arrival</source>
        <translation>到访通知</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="123" />
        <source>Approval request</source>
        <translation>审批请求</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="124" />
        <source>Host unreachable</source>
        <translation>联系不上被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="124" />
        <source>Still on site</source>
        <translation>仍在访提醒</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="125" />
        <source>Deny-list alert</source>
        <translation>禁入名单提醒</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="125" />
        <source>VIP arrival</source>
        <translation>贵宾到访</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="126" />
        <source>Invitation</source>
        <translation>邀请</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="126" />
        <source>Invitation changed</source>
        <translation>邀请已变更</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="127" />
        <source>Invitation cancelled</source>
        <translation>邀请已取消</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="131" />
        <source>waiting</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="131" />
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="131" />
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visit_panel.py" line="132" />
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
</context>
<context>
    <name>VisitorLog</name>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="63" />
        <location filename="../../ui/desk/visitor_log.py" line="86" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="64" />
        <source>Contractor</source>
        <translation>承包商</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="65" />
        <source>Interview</source>
        <translation>面试</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="66" />
        <source>Delivery</source>
        <translation>送货</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="85" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="87" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="88" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="89" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="90" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="91" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="93" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="95" />
        <source>Expected</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="97" />
        <source>In</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="98" />
        <source>Out</source>
        <translation>签离</translation>
    </message>
</context>
<context>
    <name>VisitorLogView</name>
    <message numerus="yes">
        <location filename="../../ui/desk/visitor_log.py" line="201" />
        <source>%n visit(s)</source>
        <translation>
            <numerusform>共 %n 次来访</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/visitor_log.py" line="203" />
        <source>%n+ visits, counting…</source>
        <translation>
            <numerusform>%n+ 次来访，正在统计…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="206" />
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="212" />
        <location filename="../../ui/desk/visitor_log.py" line="288" />
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="220" />
        <source>Could not read the visitor log: {error}</source>
        <translation>无法读取访客记录：{error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/visitor_log.py" line="237" />
        <source>Exporting %n selected visit(s)…</source>
        <translation>
            <numerusform>正在导出所选的 %n 次来访…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="241" />
        <source>Exporting every visit shown…</source>
        <translation>正在导出列表中的全部来访…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="246" />
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="246" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="248" />
        <source>Export visitors</source>
        <translation>导出访客记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/visitor_log.py" line="259" />
        <source>Exported %n visit(s) to {file}</source>
        <translation>
            <numerusform>已导出 %n 次来访到 {file}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="264" />
        <source>The export did not work: {error}</source>
        <translation>导出未成功：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="274" />
        <source>Visitors</source>
        <translation>访客记录</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="275" />
        <source>Search name, phone, company or host</source>
        <translation>搜索姓名、电话、公司或被访人</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="276" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="277" />
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="279" />
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="279" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="279" />
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="280" />
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="280" />
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="280" />
        <source>Choose dates</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="284" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/desk/visitor_log.py" line="289" />
        <source>All visitor types</source>
        <translation>全部访客类型</translation>
    </message>
</context>
<context>
    <name>WaitingScreen</name>
    <message>
        <location filename="../../ui/kiosk/screens/waiting.py" line="82" />
        <source>Thank you, please wait a moment</source>
        <translation>谢谢，请稍候</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/waiting.py" line="75" />
        <source>{host} ({department})</source>
        <translation>{host}（{department}）</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/waiting.py" line="79" />
        <source>{host} is on the way</source>
        <translation>{host}正在赶来接您</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/waiting.py" line="80" />
        <source>{host} will meet you here in the lobby.</source>
        <translation>{host}会到大堂与您见面。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/waiting.py" line="83" />
        <source>We have let {host} know you are here and are waiting for a reply.</source>
        <translation>我们已通知{host}您已到达，正在等待回复。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/waiting.py" line="85" />
        <source>This screen will change by itself. Feel free to take a seat.</source>
        <translation>有回复后屏幕会自动更新，请先稍坐。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/waiting.py" line="86" />
        <source>Cancel my visit</source>
        <translation>取消来访</translation>
    </message>
</context>
<context>
    <name>WalkInScreen</name>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="221" />
        <source>On file: {masked}. Leave empty to keep it.</source>
        <translation>已登记：{masked}。留空即沿用。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="224" />
        <source>Welcome back! We have filled in your details.</source>
        <translation>欢迎再次光临！已为您填好信息。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="260" />
        <source>Tell us about your visit</source>
        <translation>访客登记</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="261" />
        <source>We will let the person you are visiting know you are here.</source>
        <translation>我们会通知被访人您已到达。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="263" />
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="263" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="264" />
        <source>Company (optional)</source>
        <translation>公司（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="264" />
        <source>ID or passport number (optional)</source>
        <translation>身份证或护照号码（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="265" />
        <source>Who are you visiting?</source>
        <translation>您要拜访谁？</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="265" />
        <source>Purpose of your visit</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="269" />
        <source>e.g. 138 0013 8000</source>
        <translation>例如 138 0013 8000</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="270" />
        <source>As on your ID</source>
        <translation>与证件一致</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="272" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="272" />
        <source>Interview</source>
        <translation>面试</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="273" />
        <source>Delivery</source>
        <translation>送货</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="273" />
        <source>Maintenance</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="274" />
        <source>Sales</source>
        <translation>销售拜访</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="274" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/walk_in.py" line="278" />
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="229" />
        <source>The camera is ready</source>
        <translation>摄像头已就绪</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="234" />
        <source>The camera is resting. Tap “I have an invitation” to type your code instead.</source>
        <translation>摄像头暂不可用。请点击“我有邀请”输入邀请码。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="236" />
        <source>Camera resting</source>
        <translation>摄像头暂停使用</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="272" />
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="273" />
        <source>Invited? Just show your QR code</source>
        <translation>已受邀？出示二维码即可</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="274" />
        <source>Hold the QR code from your invitation up to the camera above this screen. You will see yourself here.</source>
        <translation>请将邀请中的二维码对准屏幕上方的摄像头，您会在这里看到自己。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="276" />
        <source>Leaving? Show your visitor badge's QR code to sign out.</source>
        <translation>要离开？出示访客证上的二维码即可签离。</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="277" />
        <source>I have an invitation</source>
        <translation>我有邀请</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="277" />
        <source>Scan or type your invitation code</source>
        <translation>扫描或输入邀请码</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="278" />
        <source>I'm here to see someone</source>
        <translation>我来拜访</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="278" />
        <source>No invitation? Register here</source>
        <translation>没有邀请？在此登记</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="279" />
        <source>Signing out</source>
        <translation>签离</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="279" />
        <source>Scan your badge or find your name</source>
        <translation>扫描访客证或按姓名查找</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="280" />
        <source>Delivery</source>
        <translation>快递送货</translation>
    </message>
    <message>
        <location filename="../../ui/kiosk/screens/welcome.py" line="280" />
        <source>Parcels and couriers</source>
        <translation>包裹与快递</translation>
    </message>
</context>
<context>
    <name>_MatchRow</name>
    <message>
        <location filename="../../ui/kiosk/screens/sign_out.py" line="35" />
        <source>Visiting {host}</source>
        <translation>拜访 {host}</translation>
    </message>
</context>
</TS>